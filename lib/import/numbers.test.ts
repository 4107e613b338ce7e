import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseDecimal, parseInteger } from './numbers';
import { InvalidValue } from './values';

describe('parseDecimal', () => {
  it('reads plain numbers with either decimal separator', () => {
    expect(parseDecimal('49.90')).toBe(49.9);
    expect(parseDecimal('-12.5')).toBe(-12.5);
    expect(parseDecimal('100')).toBe(100);
    expect(parseDecimal('49,90', ',')).toBe(49.9);
    expect(parseDecimal('.5')).toBe(0.5);
  });

  it('reads thousands separators of every convention', () => {
    expect(parseDecimal('1,234.56')).toBe(1234.56);
    expect(parseDecimal('1.234,56')).toBe(1234.56);
    expect(parseDecimal('1 234,56', ',')).toBe(1234.56);
    expect(parseDecimal('1\u00a0234,56', ',')).toBe(1234.56);
    expect(parseDecimal("1'234.56")).toBe(1234.56);
    expect(parseDecimal('1,234,567')).toBe(1234567);
    expect(parseDecimal('1.234.567', ',')).toBe(1234567);
  });

  it('lets the column decimal separator settle a single ambiguous separator', () => {
    expect(parseDecimal('1,234', '.')).toBe(1234);
    expect(parseDecimal('1,234', ',')).toBe(1.234);
    expect(parseDecimal('1.234', '.')).toBe(1.234);
    expect(parseDecimal('1.234', ',')).toBe(1234);
  });

  it('strips currency symbols and codes before or after', () => {
    expect(parseDecimal('$1,234.50')).toBe(1234.5);
    expect(parseDecimal('€12,50', ',')).toBe(12.5);
    expect(parseDecimal('12,50 €', ',')).toBe(12.5);
    expect(parseDecimal('£7')).toBe(7);
    expect(parseDecimal('USD 12.00')).toBe(12);
    expect(parseDecimal('12.00 USD')).toBe(12);
    expect(parseDecimal('US$5')).toBe(5);
  });

  it('reads negatives written with parentheses, a trailing minus or after the symbol', () => {
    expect(parseDecimal('(12.50)')).toBe(-12.5);
    expect(parseDecimal('($12.50)')).toBe(-12.5);
    expect(parseDecimal('12.50-')).toBe(-12.5);
    expect(parseDecimal('-$12.50')).toBe(-12.5);
    expect(parseDecimal('$-12.50')).toBe(-12.5);
    expect(parseDecimal('\u221212.5')).toBe(-12.5);
    expect(parseDecimal('+3')).toBe(3);
  });

  it('reads the scientific notation spreadsheets write', () => {
    expect(parseDecimal('1.5E+3')).toBe(1500);
  });

  it('refuses text, bad grouping and double signs with a reason naming the value', () => {
    expect(parseDecimal('abc')).toEqual(new InvalidValue('"abc" is not a number'));
    expect(parseDecimal('12abc')).toBeInstanceOf(InvalidValue);
    expect(parseDecimal('1,23,4.5')).toBeInstanceOf(InvalidValue);
    expect(parseDecimal('--5')).toBeInstanceOf(InvalidValue);
    expect(parseDecimal('(-5)')).toBeInstanceOf(InvalidValue);
    expect(parseDecimal('USD')).toBeInstanceOf(InvalidValue);
    expect(parseDecimal('-')).toBeInstanceOf(InvalidValue);
    expect(parseDecimal('1.2.3,4,5')).toBeInstanceOf(InvalidValue);
  });

  it('hints at the decimal separator when a comma decimal meets a dot column', () => {
    expect(parseDecimal('12,5', '.')).toEqual(new InvalidValue('"12,5" is not a number with "." as decimal separator'));
  });
});

describe('parseInteger', () => {
  it('reads whole numbers, including a spreadsheet float, and refuses fractions', () => {
    expect(parseInteger('1985')).toBe(1985);
    expect(parseInteger('1985.0')).toBe(1985);
    expect(parseInteger('1985.5')).toEqual(new InvalidValue('"1985.5" is not a whole number'));
    expect(parseInteger('eighty')).toBeInstanceOf(InvalidValue);
  });
});

describe('detectDecimalSeparator', () => {
  it('decides from unambiguous samples', () => {
    expect(detectDecimalSeparator(['12.50', '3', '1,234.00'])).toBe('.');
    expect(detectDecimalSeparator(['12,50', '3', '1.234,00'])).toBe(',');
    expect(detectDecimalSeparator(['1.234.567'])).toBe(',');
  });

  it('says ambiguous when every sample reads both ways, and dot when there are no separators', () => {
    expect(detectDecimalSeparator(['1,234', '5,000'])).toBe('ambiguous');
    expect(detectDecimalSeparator(['12,5', '12.5'])).toBe('ambiguous');
    expect(detectDecimalSeparator(['12', '7'])).toBe('.');
  });
});
