import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Without AUTH_SECRET the embedded setup keeps a generated secret beside its database,
// so sessions survive restarts with zero configuration.
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.AUTH_SECRET_FILE || '.data/auth-secret');
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
