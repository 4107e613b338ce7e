import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/import/csv-reader';
import { CDNOW_CALIBRATION_END, loadCdnowTransactions } from '@/lib/models/fixtures/cdnow';
import type { ClvCliOptions } from './clv-args';
import type { ClvReport } from './clv-report';
import { EXIT_BAD_INPUT, EXIT_NOT_CONVERGED, EXIT_OK, runClv } from './run-clv';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-clv-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function run(options: Partial<ClvCliOptions> & { transactionsFile: string }) {
  let stdout = '';
  let stderr = '';
  const code = await runClv(
    { calibrationEnd: CDNOW_CALIBRATION_END, unit: 'weeks', horizonMonths: 12, monthlyDiscountRate: 0.01, ...options },
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
  );
  return { code, stdout, stderr, report: stdout ? (JSON.parse(stdout) as ClvReport) : undefined };
}

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, content);
  return file;
}

const significant = (value: number) => Number(value.toPrecision(3));

describe('npm run clv on the CDNOW sample, calibrated to 1997-09-30 in weeks', () => {
  const predictionsFile = path.join(root, 'cdnow-predictions.csv');
  let result: Awaited<ReturnType<typeof run>>;
  let rows: string[][];

  beforeAll(async () => {
    // Customer 0002 gets a formula-like id: ids come from user files, so the CSV must defuse them.
    const lines = loadCdnowTransactions().map(
      (t) => `${t.customerId === '0002' ? '=0002' : t.customerId},${t.date},${t.amount}`,
    );
    const transactionsFile = writeFile('cdnow.csv', `customer_id,date,amount\n${lines.join('\n')}\n`);
    result = await run({ transactionsFile, outFile: predictionsFile, purchaseHorizon: 39 });
    rows = parseCsv(fs.readFileSync(predictionsFile, 'utf8')).map((record) => record.fields);
  });

  it('exits 0 and prints the BG/NBD estimates of Fader, Hardie & Lee (2005)', () => {
    expect(result.code).toBe(EXIT_OK);
    const { bgnbd } = result.report!;
    expect(bgnbd.converged).toBe(true);
    expect([bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b].map(significant)).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect(Math.abs(bgnbd.alpha - 4.414)).toBeLessThan(0.0005);
    expect(Math.abs(bgnbd.b - 2.426)).toBeLessThan(0.0005);
    expect(Math.abs(bgnbd.logLikelihood - -9582.4)).toBeLessThan(0.1);
  });

  it('prints the Gamma-Gamma estimates of Fader & Hardie (2013) and the counts', () => {
    const { gammaGamma, customers, repeatCustomers, calibrationEnd, unit } = result.report!;
    expect(gammaGamma.converged).toBe(true);
    expect([gammaGamma.p, gammaGamma.q, gammaGamma.gamma].map(significant)).toEqual([6.25, 3.74, 15.4]);
    expect(Math.abs(gammaGamma.gamma - 15.44)).toBeLessThan(0.005);
    expect(gammaGamma.customers).toBe(946);
    expect({ customers, repeatCustomers, calibrationEnd, unit }).toEqual({
      customers: 2357,
      repeatCustomers: 946,
      calibrationEnd: '1997-09-30',
      unit: 'weeks',
    });
  });

  it('writes one prediction row per customer', () => {
    expect(rows[0]).toEqual([
      '\uFEFFcustomer_id', 'frequency', 'recency', 'T', 'monetary_value', 'probability_alive', 'churn_risk',
      'churn_risk_band', 'expected_purchases_horizon', 'expected_average_value', 'predicted_clv',
    ]);
    expect(rows).toHaveLength(1 + 2357);
    expect(result.stderr).toBe(`Wrote predictions for 2357 customers to ${predictionsFile}.\n`);
  });

  it("gives customer 0001 E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226", () => {
    const customer = rows.find((row) => row[0] === '0001')!;
    expect(customer.slice(0, 2)).toEqual(['0001', '2']);
    expect(Math.abs(Number(customer[8]) - 1.226)).toBeLessThan(0.001);
  });

  it('defuses a customer id a spreadsheet would run as a formula', () => {
    expect(rows.some((row) => row[0] === "'=0002")).toBe(true);
    expect(rows.some((row) => row[0] === '=0002')).toBe(false);
  });
});

describe('npm run clv on input it cannot use', () => {
  it('stops at a bad date with its line, printing nothing on stdout', async () => {
    const file = writeFile('bad-date.csv', 'customer_id,date,amount\na,2024-02-28,1\nb,2024-02-31,2\n');
    const { code, stdout, stderr } = await run({ transactionsFile: file });
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${file}: line 3: date 2024-02-31 is not a real date\n`);
  });

  it('stops at a text amount with its line', async () => {
    const file = writeFile('bad-amount.csv', 'customer_id,date,amount\na,2024-01-05,1\na,2024-01-09,1\nb,2024-01-09,ten\n');
    const { code, stderr } = await run({ transactionsFile: file });
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toBe(`${file}: line 4: amount "ten" is not a number\n`);
  });

  it('lists the header it found when a column is missing', async () => {
    const file = writeFile('no-amount.csv', 'customer_id,date,revenue\na,2024-01-05,1\n');
    const { code, stderr } = await run({ transactionsFile: file });
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(stderr).toContain('line 1: the header lacks "amount"');
    expect(stderr).toContain('Found: "customer_id", "date", "revenue".');
  });

  it('says when the file is missing, empty or not UTF-8', async () => {
    expect((await run({ transactionsFile: path.join(root, 'nope.csv') })).stderr).toMatch(/nope\.csv: no such file\.\n$/);
    expect((await run({ transactionsFile: writeFile('empty.csv', '') })).stderr).toMatch(/The file is empty\./);
    const latin1 = Buffer.from('customer_id,date,amount\nJos\xe9,2024-01-05,1\n', 'latin1');
    const notUtf8 = await run({ transactionsFile: writeFile('latin1.csv', latin1) });
    expect(notUtf8.code).toBe(EXIT_BAD_INPUT);
    expect(notUtf8.stderr).toMatch(/not UTF-8 \(line 2/);
  });
});

describe('npm run clv when BG/NBD cannot be fitted', () => {
  it('prints the JSON with converged false, explains on stderr, exits 2 and writes no predictions', async () => {
    // Gzipped, with a BOM and CRLF line ends: read like any upload.
    const text = '\uFEFFcustomer_id,date,amount\r\na,1997-01-01,10\r\nb,1997-01-02,12\r\nb,1997-01-05,8\r\n';
    const outFile = path.join(root, 'never-written.csv');
    const { code, report, stderr } = await run({ transactionsFile: writeFile('tiny.csv.gz', gzipSync(text)), outFile });
    expect(code).toBe(EXIT_NOT_CONVERGED);
    expect(report!.customers).toBe(2);
    expect(report!.repeatCustomers).toBe(1);
    expect(report!.bgnbd.converged).toBe(false);
    expect(report!.bgnbd.failure).toBeDefined();
    expect(report!.bgnbd.failureReason).toMatch(/\w/);
    expect(stderr).toMatch(/^BG\/NBD did not converge: .+, so .*never-written\.csv was not written\.\n$/);
    expect(fs.existsSync(outFile)).toBe(false);
  });

  it('ignores the transactions after the calibration end', async () => {
    const file = writeFile('late.csv', 'customer_id,date,amount\na,1997-01-01,10\na,1997-12-01,10\nb,1997-11-01,5\n');
    const { report } = await run({ transactionsFile: file });
    expect(report!.customers).toBe(1);
    expect(report!.repeatCustomers).toBe(0);
    expect(report!.bgnbd.failure).toBe('no-repeat-customers');
  });
});
