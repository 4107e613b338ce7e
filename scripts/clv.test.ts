import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-clv-script-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('scripts/clv.ts', () => {
  it('runs under tsx, prints one JSON object on stdout and exits 2 when BG/NBD cannot be fitted', () => {
    const file = path.join(root, 'tiny.csv');
    fs.writeFileSync(file, 'customer_id,date,amount\na,2024-01-01,10\nb,2024-01-02,12\nb,2024-01-05,8\n');
    const run = spawnSync('npx', ['tsx', 'scripts/clv.ts', '--transactions', file, '--calibration-end', '2024-03-31'], {
      cwd: path.resolve(__dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ customers: 2, repeatCustomers: 1, calibrationEnd: '2024-03-31', unit: 'weeks' });
    expect(report.bgnbd.converged).toBe(false);
    expect(run.stderr).toContain('BG/NBD did not converge');
  });
});
