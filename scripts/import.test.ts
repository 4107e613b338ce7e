import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '@/lib/db/scratch-database';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-import-script-'));
let database: { url: string; drop: () => Promise<void> } | null = null;

function write(name: string, lines: string[]): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

function cli(...args: string[]) {
  const env = database ? { ...process.env, DATABASE_URL: database.url } : { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(root, 'pglite') };
  return spawnSync(path.join('node_modules', '.bin', 'tsx'), ['scripts/import.ts', ...args], {
    cwd: path.resolve(__dirname, '..'),
    env,
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) database = await createScratchDatabase(process.env.DATABASE_URL, 'segmenta_cli');
});
afterAll(async () => {
  await database?.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe(`scripts/import.ts (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  const customers = write('customers.csv', ['customer_id,email', 'k1,k1@example.com', 'k2,k2@example.com']);
  const orders = write('orders.csv', ['order_id,customer_id,ordered_at,revenue', 'q1,k1,2026-01-02,10', 'q2,k2,2026-01-03,abc']);

  it('creates the workspace, imports both files, prints a summary and one JSON line, exits 0', () => {
    const run = cli('--workspace', 'cli-shop', '--create', '--customers', customers, '--orders', orders, '--skip-recompute');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('customers: 2 rows read, 2 inserted, 0 updated, 0 unchanged, 0 rejected');
    expect(run.stdout).toContain('orders: 2 rows read, 1 inserted, 0 updated, 0 unchanged, 1 rejected, 0 refunds, 0 customers created');
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ workspace: 'cli-shop', orders: { status: 'succeeded', counts: { rowsInserted: 1 } } });
  });

  it('exits 1 naming the failure, and refuses a missing workspace without --create', () => {
    const empty = write('empty.csv', ['customer_id,email']);
    const failed = cli('--workspace', 'cli-shop', '--customers', empty, '--orders', orders, '--skip-recompute');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('customers: FAILED — The file has a header row but no data rows.');

    const missing = cli('--workspace', 'nowhere', '--orders', orders);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('No workspace "nowhere". Add --create to make it.');
  });
});
