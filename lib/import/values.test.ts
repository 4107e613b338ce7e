import { describe, expect, it } from 'vitest';
import { cleanText, InvalidValue, isNullToken, parseBoolean, parseCurrencyCode } from './values';

describe('cleanText', () => {
  it('trims and turns blank into null, returning untouched text as is', () => {
    expect(cleanText('  Zoë \t')).toBe('Zoë');
    expect(cleanText(' \u00a0 ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
    expect(cleanText('=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
  });
});

describe('isNullToken', () => {
  it('knows the usual placeholders but not numbers or words', () => {
    for (const token of ['N/A', 'n/a', '#N/A', 'NULL', 'none', '-']) expect(isNullToken(token), token).toBe(true);
    for (const value of ['0', 'Nathan', 'no', '-1']) expect(isNullToken(value), value).toBe(false);
  });
});

describe('parseBoolean', () => {
  it('reads the words consent columns use', () => {
    const yes = ['yes', 'Y', 'TRUE', '1', 'subscribed', 'Opted-In', 'opted_in'];
    const no = ['no', 'n', 'False', '0', 'unsubscribed', 'not_subscribed', 'NOT SUBSCRIBED', 'pending'];
    for (const word of yes) expect(parseBoolean(word), word).toBe(true);
    for (const word of no) expect(parseBoolean(word), word).toBe(false);
  });

  it('refuses anything else with a reason', () => {
    expect(parseBoolean('maybe')).toEqual(new InvalidValue('"maybe" is not yes/no'));
  });
});

describe('parseCurrencyCode', () => {
  it('upper-cases three letters and refuses symbols', () => {
    expect(parseCurrencyCode('USD')).toBe('USD');
    expect(parseCurrencyCode('eur')).toBe('EUR');
    expect(parseCurrencyCode('$')).toBeInstanceOf(InvalidValue);
    expect(parseCurrencyCode('US1')).toBeInstanceOf(InvalidValue);
    expect(parseCurrencyCode('EURO')).toBeInstanceOf(InvalidValue);
  });
});
