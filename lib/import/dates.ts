import { InvalidValue, quoted } from './values';

/**
 * Dates and timestamps as exports write them, scanned by hand (this runs on every order row):
 * `2024-01-05`, `2024/01/05`, `20240105`, `05/01/2024`, `05.01.2024`, `05-01-2024`, `1/5/24`, each optionally with a
 * time `10:30`, `10:30:15`, `10:30:15.123`, `10:30 PM` after `T` or spaces, and a zone `Z`, `UTC`, `+01:00`,
 * `-0500`, `+01`. Year-first dates are always year-month-day; the others follow the DateOrder.
 *
 * Output: dates as `YYYY-MM-DD`; timestamps as UTC ISO strings `YYYY-MM-DDTHH:MM:SS.sssZ` (what Postgres COPY and
 * Date.parse read, and lexically sortable). A timestamp without a zone is taken as UTC. A date parsed from a
 * timestamp keeps the calendar date as written, before any zone shift.
 */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export function parseDate(text: string, order: DateOrder): string | InvalidValue {
  const failure = scanDateTime(text, order);
  return failure ?? formatDate(writtenYear, writtenMonth, writtenDay);
}

export function parseTimestamp(text: string, order: DateOrder): string | InvalidValue {
  const failure = scanDateTime(text, order);
  if (failure) return failure;
  shiftToUtc();
  return `${formatDate(year, month, day)}T${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${
    millisecond === 0 ? '000' : String(millisecond).padStart(3, '0')
  }Z`;
}

// The scanner's result, kept in module state so that parsing a cell allocates nothing but its output.
let year = 0;
let month = 0;
let day = 0;
let hour = 0;
let minute = 0;
let second = 0;
let millisecond = 0;
let offsetMinutes = 0;
let writtenYear = 0;
let writtenMonth = 0;
let writtenDay = 0;
let at = 0;
let digitsRead = 0;

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function formatDate(y: number, m: number, d: number): string {
  return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

/** Reads up to `maxDigits` digits at `at`; -1 when there is none. Sets `digitsRead`. */
function readNumber(text: string, maxDigits: number): number {
  let value = 0;
  const start = at;
  while (at < text.length && at - start < maxDigits) {
    const c = text.charCodeAt(at);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    at++;
  }
  digitsRead = at - start;
  return digitsRead === 0 ? -1 : value;
}

function skipSpaces(text: string): void {
  while (at < text.length && text.charCodeAt(at) === 32) at++;
}

/** Fills the module state from `text`; returns why it is not a date, or null. */
function scanDateTime(text: string, order: DateOrder): InvalidValue | null {
  at = 0;
  const first = readNumber(text, 8);
  const firstDigits = digitsRead;
  if (firstDigits === 8) {
    year = Math.floor(first / 10000);
    month = Math.floor(first / 100) % 100;
    day = first % 100;
  } else {
    const separator = text.charCodeAt(at);
    if (first < 0 || firstDigits > 4 || firstDigits === 3 || (separator !== 45 && separator !== 47 && separator !== 46)) {
      return notADate(text);
    }
    at++;
    const middle = readNumber(text, 2);
    if (middle < 0 || text.charCodeAt(at) !== separator) return notADate(text);
    at++;
    const last = readNumber(text, 4);
    const lastDigits = digitsRead;
    if (firstDigits === 4) {
      if (last < 0 || lastDigits > 2) return notADate(text);
      year = first;
      month = middle;
      day = last;
    } else {
      if (lastDigits !== 4 && lastDigits !== 2) return notADate(text);
      year = lastDigits === 2 ? (last < 70 ? 2000 + last : 1900 + last) : last;
      const dayFirst = order === 'dmy' || (order === 'ymd' && first > 12) || first === middle;
      const monthFirst = order === 'mdy' || (order === 'ymd' && middle > 12);
      if (!dayFirst && !monthFirst) {
        return new InvalidValue(`${text} could be day/month or month/day: choose the date order`);
      }
      day = dayFirst ? first : middle;
      month = dayFirst ? middle : first;
    }
  }
  writtenYear = year;
  writtenMonth = month;
  writtenDay = day;
  const timeFailure = at < text.length ? scanTime(text) : resetTime();
  if (timeFailure === 'not-a-date') return notADate(text);
  if (timeFailure === 'impossible' || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return new InvalidValue(`${text} is not a real date`);
  }
  if (year < 1900 || year > 2100) return new InvalidValue(`${text} is out of range (years 1900 to 2100)`);
  return null;
}

function notADate(text: string): InvalidValue {
  return new InvalidValue(`${quoted(text)} is not a date`);
}

function resetTime(): null {
  hour = minute = second = millisecond = offsetMinutes = 0;
  return null;
}

function scanTime(text: string): 'not-a-date' | 'impossible' | null {
  resetTime();
  const separator = text.charCodeAt(at);
  if (separator !== 84 && separator !== 32) return 'not-a-date'; // 'T' or space
  at++;
  skipSpaces(text);
  hour = readNumber(text, 2);
  if (hour < 0 || text.charCodeAt(at) !== 58) return 'not-a-date';
  at++;
  minute = readNumber(text, 2);
  if (digitsRead !== 2) return 'not-a-date';
  if (text.charCodeAt(at) === 58) {
    at++;
    second = readNumber(text, 2);
    if (digitsRead !== 2) return 'not-a-date';
    const mark = text.charCodeAt(at);
    if (mark === 46 || mark === 44) {
      at++;
      const fractionStart = at;
      const fraction = readNumber(text, 3);
      if (fraction < 0) return 'not-a-date';
      millisecond = fraction * 10 ** (3 - (at - fractionStart));
      readNumber(text, 9); // finer digits than milliseconds are dropped
    }
  }
  skipSpaces(text);
  const meridiem = scanMeridiem(text);
  if (meridiem !== 0) {
    if (hour < 1 || hour > 12) return 'impossible';
    hour = (hour % 12) + (meridiem === 2 ? 12 : 0);
    skipSpaces(text);
  }
  if (!scanZone(text) || at !== text.length) return 'not-a-date';
  return hour > 23 || minute > 59 || second > 59 ? 'impossible' : null;
}

/** 0: none, 1: AM, 2: PM. */
function scanMeridiem(text: string): number {
  const c = text.charCodeAt(at) | 0x20;
  if ((c !== 97 && c !== 112) || (text.charCodeAt(at + 1) | 0x20) !== 109) return 0;
  at += 2;
  return c === 97 ? 1 : 2;
}

function scanZone(text: string): boolean {
  if (at === text.length) return true;
  const rest = text.length - at;
  const c = text.charCodeAt(at);
  if (c === 90 && rest === 1) {
    at++;
    return true;
  }
  if (rest === 3) {
    const name = text.slice(at).toUpperCase();
    if (name === 'UTC' || name === 'GMT') {
      at += 3;
      return true;
    }
  }
  if (c !== 43 && c !== 45) return false;
  at++;
  const hours = readNumber(text, 2);
  if (digitsRead !== 2) return false;
  if (text.charCodeAt(at) === 58) at++;
  const minutes = at < text.length ? readNumber(text, 2) : 0;
  if (minutes < 0 || (at < text.length && digitsRead !== 2) || hours > 23 || minutes > 59) return false;
  offsetMinutes = (c === 45 ? -1 : 1) * (hours * 60 + minutes);
  return true;
}

/** A zone offset moves the time by less than a day, so at most one day boundary is crossed. */
function shiftToUtc(): void {
  if (offsetMinutes === 0) return;
  let minutes = hour * 60 + minute - offsetMinutes;
  if (minutes < 0) {
    minutes += 1440;
    if (--day === 0) {
      if (--month === 0) {
        month = 12;
        year--;
      }
      day = daysInMonth(year, month);
    }
  } else if (minutes >= 1440) {
    minutes -= 1440;
    if (++day > daysInMonth(year, month)) {
      day = 1;
      if (++month === 13) {
        month = 1;
        year++;
      }
    }
  }
  hour = Math.floor(minutes / 60);
  minute = minutes % 60;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const DAY_MONTH_YEAR = /^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})/;

/**
 * The order a column's dates are written in: 'ymd' when they are year-first, 'dmy' or 'mdy' when some day is
 * above 12, 'ambiguous' when every day and month is 12 or less (or the samples disagree): the UI then asks.
 */
export function detectDateOrder(samples: readonly string[]): DateOrder | 'ambiguous' {
  let yearFirst = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let undecided = 0;
  for (const sample of samples) {
    const match = DAY_MONTH_YEAR.exec(sample);
    if (!match) continue;
    const [first, middle] = [Number(match[1]), Number(match[2])];
    if (match[1].length === 4) yearFirst++;
    else if (first > 12 && middle <= 12) dayFirst++;
    else if (middle > 12 && first <= 12) monthFirst++;
    else undecided++;
  }
  if (dayFirst > 0 && monthFirst === 0) return 'dmy';
  if (monthFirst > 0 && dayFirst === 0) return 'mdy';
  if (yearFirst > 0 && dayFirst + monthFirst + undecided === 0) return 'ymd';
  return 'ambiguous';
}
