import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Without AUTH_SECRET the embedded setup keeps a generated secret beside its database,
// so sessions survive restarts with zero configuration.
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    console.warn('[segmenta] AUTH_SECRET is not set: using a secret generated on this machine. Set AUTH_SECRET when several servers share a database.');
  }
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.AUTH_SECRET_FILE || '.data/auth-secret');
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  // link() fails if another process got there first; then everyone uses the winner's secret.
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
  return readSecret(file)!;
}

function readSecret(file: string): string | null {
  try {
    return fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
