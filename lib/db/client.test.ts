import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

const dirs: string[] = [];
function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded database folder lock', () => {
  it('refuses a folder another running process holds', async () => {
    const dataDir = scratchDir();
    fs.writeFileSync(`${dataDir}.lock`, '1'); // pid 1 always runs
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process 1\. Stop it first/);
  });

  it('takes over the lock of a process that is gone, and holds it while open', async () => {
    const dataDir = scratchDir();
    fs.writeFileSync(`${dataDir}.lock`, '2147483646');
    const conn = await openDatabase({ dataDir });
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    await conn.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
