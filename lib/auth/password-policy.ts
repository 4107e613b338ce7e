import { commonPasswords } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 10;
// bcrypt hashes only the first 72 bytes of a password: anything past them would not protect the account.
export const MAX_PASSWORD_BYTES = 72;

export const passwordMessages = {
  tooShort: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  tooLong: `Use at most ${MAX_PASSWORD_BYTES} bytes (${MAX_PASSWORD_BYTES} plain letters or digits, fewer with accents or emoji): anything past ${MAX_PASSWORD_BYTES} bytes is ignored when the password is checked.`,
  tooCommon: 'This password is too common; choose another one.',
  isEmail: 'Do not use your email address as your password.',
} as const;

export function passwordBytes(password: string): number {
  return new TextEncoder().encode(password).length;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

/** True when the password is the email address or the part before its @, in any case. */
export function isEmailAsPassword(password: string, email: string): boolean {
  const candidate = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  const localPart = at > 0 ? address.slice(0, at) : '';
  return candidate === address || (localPart !== '' && candidate === localPart);
}
