import { InvalidValue, quoted } from './values';

export type DecimalSeparator = '.' | ',';

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * Amounts as exports write them: `1234.5`, `1,234.56`, `1.234,56`, `1 234,56`, `1'234.56`, `$12`, `12,50 €`,
 * `USD 12`, `(12.50)`, `12.50-`, `1.5E+3`. When a value holds both `.` and `,` the last one is the decimal
 * separator; a single ambiguous one (`1,234` or `1.234`) follows `decimalSeparator`.
 */
export function parseDecimal(text: string, decimalSeparator: DecimalSeparator = '.'): number | InvalidValue {
  return parsePlainDecimal(text, decimalSeparator) ?? parseFormattedDecimal(text, decimalSeparator);
}

/** Whole numbers; `1985.0` (a spreadsheet's float) is accepted, `1985.5` is not. */
export function parseInteger(text: string, decimalSeparator: DecimalSeparator = '.'): number | InvalidValue {
  const value = parseDecimal(text, decimalSeparator);
  if (value instanceof InvalidValue || !Number.isInteger(value)) {
    return new InvalidValue(`${quoted(text)} is not a whole number`);
  }
  return value;
}

/** The common case, checked with one pass and no allocation: an optional minus, digits, one separator. */
function parsePlainDecimal(text: string, decimalSeparator: DecimalSeparator): number | null {
  const n = text.length;
  const separator = decimalSeparator.charCodeAt(0);
  let separatorAt = -1;
  let digits = 0;
  for (let i = text.charCodeAt(0) === MINUS ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) digits++;
    else if (c === separator && separatorAt === -1) separatorAt = i;
    else return null;
  }
  if (digits === 0) return null;
  if (separator === DOT || separatorAt === -1) return Number(text);
  return Number(`${text.slice(0, separatorAt)}.${text.slice(separatorAt + 1)}`);
}

const LEADING_AFFIX = /^(?:([-\u2212])|\+|\p{Sc}|[A-Z]{1,2}\$|[A-Z]{3}(?![A-Za-z]))\s*/u;
const TRAILING_AFFIX = /\s*(?:([-\u2212])|\p{Sc}|(?<![A-Za-z])[A-Z]{3})$/u;
const SCIENTIFIC = /^\d+(?:[.,]\d+)?[eE][-+]?\d+$/;
const DIGITS = /^\d*$/;
const GROUP_SEPARATORS = ".,' \u00a0\u202f\u2009\u2019";

function parseFormattedDecimal(text: string, decimalSeparator: DecimalSeparator): number | InvalidValue {
  const notANumber = new InvalidValue(`${quoted(text)} is not a number`);
  let core = text.trim();
  let minusSigns = 0;
  if (core.startsWith('(') && core.endsWith(')')) {
    minusSigns++;
    core = core.slice(1, -1).trim();
  }
  for (let affixes = 0; affixes < 4; affixes++) {
    const leading = LEADING_AFFIX.exec(core);
    const trailing = leading ? null : TRAILING_AFFIX.exec(core);
    const affix = leading ?? trailing;
    if (!affix || affix[0].length === core.length) break;
    if (affix[1]) minusSigns++;
    core = leading ? core.slice(affix[0].length) : core.slice(0, core.length - affix[0].length);
  }
  if (minusSigns > 1 || core.length === 0) return notANumber;
  const sign = minusSigns === 1 ? -1 : 1;
  if (SCIENTIFIC.test(core)) return sign * Number(core.replace(',', '.'));

  const decimalChar = findDecimalChar(core, decimalSeparator);
  const decimalAt = decimalChar === null ? -1 : core.lastIndexOf(decimalChar);
  const fraction = decimalAt === -1 ? '' : core.slice(decimalAt + 1);
  const integerDigits = ungroup(decimalAt === -1 ? core : core.slice(0, decimalAt));
  if (integerDigits === null || !DIGITS.test(fraction) || integerDigits.length + fraction.length === 0) {
    const other = decimalSeparator === '.' ? ',' : '.';
    if (decimalChar === null && core.includes(other) && !core.includes(decimalSeparator)) {
      return new InvalidValue(`${quoted(text)} is not a number with "${decimalSeparator}" as decimal separator`);
    }
    return notANumber;
  }
  return sign * Number(`${integerDigits || '0'}.${fraction || '0'}`);
}

function findDecimalChar(core: string, decimalSeparator: DecimalSeparator): DecimalSeparator | null {
  const lastDot = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? '.' : ',';
  const only = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (only === null || core.indexOf(only) !== core.lastIndexOf(only)) return null;
  return only === decimalSeparator ? only : null;
}

/** `1,234,567` → `1234567`; null unless every group after the first has exactly three digits, split by one character. */
function ungroup(integerPart: string): string | null {
  if (DIGITS.test(integerPart)) return integerPart;
  let groupChar = '';
  for (const ch of integerPart) {
    if (ch >= '0' && ch <= '9') continue;
    if (!GROUP_SEPARATORS.includes(ch) || (groupChar !== '' && ch !== groupChar)) return null;
    groupChar = ch;
  }
  const groups = integerPart.split(groupChar);
  if (groups[0].length < 1 || groups[0].length > 3) return null;
  for (let k = 1; k < groups.length; k++) if (groups[k].length !== 3) return null;
  return groups.join('');
}

/**
 * '.' or ',' when the samples say which is the decimal separator (`12,50`, `1.234,56`, `3.5`), 'ambiguous' when
 * they only hold values like `1,234` that read either way (the UI then asks), '.' when no sample has either.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator | 'ambiguous' {
  let dotVotes = 0;
  let commaVotes = 0;
  let undecided = 0;
  for (const sample of samples) {
    const core = sample.replace(/[^\d.,]/g, '');
    const lastDot = core.lastIndexOf('.');
    const lastComma = core.lastIndexOf(',');
    if (lastDot !== -1 && lastComma !== -1) {
      if (lastDot > lastComma) dotVotes++;
      else commaVotes++;
      continue;
    }
    const only = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
    if (only === null) continue;
    const repeated = core.indexOf(only) !== core.lastIndexOf(only);
    const digitsAfter = core.length - core.lastIndexOf(only) - 1;
    if (repeated) {
      if (only === '.') commaVotes++;
      else dotVotes++;
    } else if (digitsAfter !== 3) {
      if (only === '.') dotVotes++;
      else commaVotes++;
    } else undecided++;
  }
  if (dotVotes > 0 && commaVotes === 0) return '.';
  if (commaVotes > 0 && dotVotes === 0) return ',';
  if (dotVotes === 0 && commaVotes === 0 && undecided === 0) return '.';
  return 'ambiguous';
}
