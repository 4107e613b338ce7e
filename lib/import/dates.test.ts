import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDate, parseTimestamp } from './dates';
import { InvalidValue } from './values';

describe('parseDate', () => {
  it('reads year-first dates whatever the order setting', () => {
    for (const order of ['ymd', 'dmy', 'mdy'] as const) {
      expect(parseDate('2024-01-05', order)).toBe('2024-01-05');
      expect(parseDate('2024/1/5', order)).toBe('2024-01-05');
      expect(parseDate('20240105', order)).toBe('2024-01-05');
    }
  });

  it('reads day-first and month-first dates by the order', () => {
    expect(parseDate('05/01/2024', 'dmy')).toBe('2024-01-05');
    expect(parseDate('05.01.2024', 'dmy')).toBe('2024-01-05');
    expect(parseDate('05-01-2024', 'dmy')).toBe('2024-01-05');
    expect(parseDate('01/05/2024', 'mdy')).toBe('2024-01-05');
    expect(parseDate('1/5/24', 'mdy')).toBe('2024-01-05');
    expect(parseDate('1/5/99', 'mdy')).toBe('1999-01-05');
  });

  it('accepts a day-first date without an order only when it cannot be read the other way', () => {
    expect(parseDate('25/01/2024', 'ymd')).toBe('2024-01-25');
    expect(parseDate('01/25/2024', 'ymd')).toBe('2024-01-25');
    expect(parseDate('03/03/2024', 'ymd')).toBe('2024-03-03');
    expect(parseDate('05/01/2024', 'ymd')).toEqual(
      new InvalidValue('05/01/2024 could be day/month or month/day: choose the date order'),
    );
  });

  it('refuses impossible dates', () => {
    expect(parseDate('31/02/2024', 'dmy')).toEqual(new InvalidValue('31/02/2024 is not a real date'));
    expect(parseDate('2023-02-29', 'ymd')).toEqual(new InvalidValue('2023-02-29 is not a real date'));
    expect(parseDate('2024-02-29', 'ymd')).toBe('2024-02-29');
    expect(parseDate('2000-02-29', 'ymd')).toBe('2000-02-29');
    expect(parseDate('1900-02-29', 'ymd')).toBeInstanceOf(InvalidValue);
    expect(parseDate('2024-13-01', 'ymd')).toBeInstanceOf(InvalidValue);
    expect(parseDate('0000-00-00', 'ymd')).toBeInstanceOf(InvalidValue);
    expect(parseDate('1850-01-01', 'ymd')).toBeInstanceOf(InvalidValue);
  });

  it('refuses text that is not a date', () => {
    for (const text of ['soon', '2024-01', '2024-01-', '12.5', '2024-01-05x', '1/5', '123/1/2024', '2024-01-05 10']) {
      expect(parseDate(text, 'dmy'), text).toEqual(new InvalidValue(`"${text}" is not a date`));
    }
  });

  it('keeps the calendar date of a timestamp as written', () => {
    expect(parseDate('2024-01-05 23:30:00 -0500', 'ymd')).toBe('2024-01-05');
  });
});

describe('parseTimestamp', () => {
  it('takes a timestamp without zone as UTC', () => {
    expect(parseTimestamp('2024-01-05 10:30:15', 'ymd')).toBe('2024-01-05T10:30:15.000Z');
    expect(parseTimestamp('2024-01-05T10:30', 'ymd')).toBe('2024-01-05T10:30:00.000Z');
    expect(parseTimestamp('2024-01-05', 'ymd')).toBe('2024-01-05T00:00:00.000Z');
    expect(parseTimestamp('05/01/2024 9:05', 'dmy')).toBe('2024-01-05T09:05:00.000Z');
  });

  it('applies Z and numeric offsets, crossing day, month and year boundaries', () => {
    expect(parseTimestamp('2024-01-05T10:30:00Z', 'ymd')).toBe('2024-01-05T10:30:00.000Z');
    expect(parseTimestamp('2024-01-05T10:30:00+02:00', 'ymd')).toBe('2024-01-05T08:30:00.000Z');
    expect(parseTimestamp('2019-06-17 14:52:29 -0400', 'ymd')).toBe('2019-06-17T18:52:29.000Z');
    expect(parseTimestamp('2024-01-01T01:00:00+05:30', 'ymd')).toBe('2023-12-31T19:30:00.000Z');
    expect(parseTimestamp('2024-02-29 22:00 -03', 'ymd')).toBe('2024-03-01T01:00:00.000Z');
    expect(parseTimestamp('2024-01-05 10:00 UTC', 'ymd')).toBe('2024-01-05T10:00:00.000Z');
  });

  it('keeps milliseconds and reads AM/PM', () => {
    expect(parseTimestamp('2024-01-05T10:30:15.1234567Z', 'ymd')).toBe('2024-01-05T10:30:15.123Z');
    expect(parseTimestamp('2024-01-05 10:30:15.5', 'ymd')).toBe('2024-01-05T10:30:15.500Z');
    expect(parseTimestamp('1/5/2024 12:15 AM', 'mdy')).toBe('2024-01-05T00:15:00.000Z');
    expect(parseTimestamp('1/5/2024 3:15 pm', 'mdy')).toBe('2024-01-05T15:15:00.000Z');
  });

  it('agrees with Date.parse on zoned ISO input', () => {
    for (const text of ['2024-03-10T01:59:59-08:00', '2023-12-31T23:00:00-01:00', '2000-02-28T20:00:00-06:00']) {
      expect(parseTimestamp(text, 'ymd')).toBe(new Date(text).toISOString());
    }
  });

  it('refuses impossible times and malformed zones', () => {
    expect(parseTimestamp('2024-01-05 25:00', 'ymd')).toEqual(new InvalidValue('2024-01-05 25:00 is not a real date'));
    expect(parseTimestamp('2024-01-05 13:00 PM', 'ymd')).toBeInstanceOf(InvalidValue);
    expect(parseTimestamp('2024-01-05 10:00 +5', 'ymd')).toBeInstanceOf(InvalidValue);
    expect(parseTimestamp('2024-01-05 10:00 EST', 'ymd')).toBeInstanceOf(InvalidValue);
  });
});

describe('detectDateOrder', () => {
  it('finds the order from a day or month above 12', () => {
    expect(detectDateOrder(['05/01/2024', '25/01/2024'])).toBe('dmy');
    expect(detectDateOrder(['01/05/2024', '01/25/2024 10:00'])).toBe('mdy');
    expect(detectDateOrder(['2024-01-05', '2024-01-25'])).toBe('ymd');
  });

  it('says ambiguous when every part is 12 or less, or the samples disagree', () => {
    expect(detectDateOrder(['05/01/2024', '03/04/2024'])).toBe('ambiguous');
    expect(detectDateOrder(['25/01/2024', '01/25/2024'])).toBe('ambiguous');
    expect(detectDateOrder([])).toBe('ambiguous');
  });
});
