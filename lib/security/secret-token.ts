import crypto from 'node:crypto';

/** 256 random bits, URL-safe: invitation tokens and API-key secrets. */
export function newSecretToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256 (a leaked table reveals no usable token). */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}
