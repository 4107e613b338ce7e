import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSecret } from './secret';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-secret-'));
afterEach(() => vi.unstubAllEnvs());

describe('session secret', () => {
  it('is generated once and then read back, so sessions survive a restart', () => {
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('AUTH_SECRET_FILE', path.join(dir, 'nested', 'auth-secret'));
    const first = authSecret();
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(authSecret()).toBe(first);
    expect(fs.readFileSync(path.join(dir, 'nested', 'auth-secret'), 'utf8')).toBe(first);
  });

  it('prefers AUTH_SECRET when it is set', () => {
    vi.stubEnv('AUTH_SECRET', 'from-the-environment');
    expect(authSecret()).toBe('from-the-environment');
  });
});
