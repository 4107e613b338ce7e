/**
 * Cell value parsing shared by the typed parsers: the failure type, text cleaning, empties, booleans, currencies.
 * Parsers return the value or an InvalidValue (never throw), so a million rows cost no exceptions and no
 * allocation for the values that parse.
 */

/** Why a cell was refused, phrased to follow `Column "Total": `. */
export class InvalidValue {
  constructor(readonly reason: string) {}
}

export function isInvalid(value: unknown): value is InvalidValue {
  return value instanceof InvalidValue;
}

/** A cell as quoted inside a reason, shortened so a reason stays one readable line. */
export function quoted(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** Trimmed text, or null when nothing is left. */
export function cleanText(raw: string | undefined): string | null {
  if (raw === undefined || raw.length === 0) return null;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first > 32 && first < 127 && last > 32 && last < 127) return raw;
  const text = raw.trim();
  return text.length === 0 ? null : text;
}

const NULL_TOKENS = new Set(['n/a', 'na', '#n/a', 'null', 'none', 'nil', 'nan', 'undefined', '(blank)', '-', '--']);

/** Placeholders spreadsheets and databases write for "no value"; they count as empty in typed columns. */
export function isNullToken(text: string): boolean {
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || text.length > 9) return false;
  return NULL_TOKENS.has(text.toLowerCase());
}

const BOOLEAN_WORDS = new Map<string, boolean>();
for (const word of [
  'yes', 'y', 'true', 't', '1', 'on', 'x', 'ja', 'oui', 'si', 'sí',
  'subscribed', 'opted in', 'opt in', 'optin', 'accepted', 'granted', 'consented', 'confirmed',
]) {
  BOOLEAN_WORDS.set(word, true);
}
// Consent is only true when given: pending (unconfirmed double opt-in), cleaned or bounced addresses are not consent.
for (const word of [
  'no', 'n', 'false', 'f', '0', 'off', 'nein', 'non',
  'unsubscribed', 'not subscribed', 'never subscribed', 'opted out', 'opt out', 'optout', 'declined', 'denied',
  'pending', 'cleaned', 'bounced', 'redacted', 'invalid',
]) {
  BOOLEAN_WORDS.set(word, false);
}

export function parseBoolean(text: string): boolean | InvalidValue {
  const known = BOOLEAN_WORDS.get(text) ?? BOOLEAN_WORDS.get(text.toLowerCase().replace(/[\s_-]+/g, ' '));
  return known ?? new InvalidValue(`${quoted(text)} is not yes/no`);
}

/** ISO 4217 shape: three letters, returned upper case. */
export function parseCurrencyCode(text: string): string | InvalidValue {
  if (text.length === 3) {
    let lowerCase = 0;
    for (let i = 0; i < 3; i++) {
      const c = text.charCodeAt(i) | 0x20;
      if (c < 97 || c > 122) return invalidCurrency(text);
      if (c === text.charCodeAt(i)) lowerCase++;
    }
    return lowerCase === 0 ? text : text.toUpperCase();
  }
  return invalidCurrency(text);
}

function invalidCurrency(text: string): InvalidValue {
  return new InvalidValue(`${quoted(text)} is not a 3-letter currency code (like USD or EUR)`);
}
