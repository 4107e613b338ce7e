import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/import/csv-reader';
import { CUSTOMER_CSV_HEADER, ORDER_CSV_HEADER, writeDemoCsv } from './write-csv';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-gen-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('demo CSV generator', () => {
  it('writes the same bytes for the same seed and end date, and other bytes for another seed', async () => {
    const options = { customers: 400, seed: 7, endDate: '2026-06-30' };
    const a = await writeDemoCsv({ ...options, outDir: path.join(root, 'a') });
    const b = await writeDemoCsv({ ...options, outDir: path.join(root, 'b') });
    const c = await writeDemoCsv({ ...options, seed: 8, outDir: path.join(root, 'c') });
    expect(a.files.map(digest)).toEqual(b.files.map(digest));
    expect(digest(c.files[1])).not.toBe(digest(a.files[1]));
  });

  it('writes one customer row each and every order of theirs, as well-formed CSV', async () => {
    const { customers, orders, files } = await writeDemoCsv({ customers: 300, seed: 11, endDate: '2026-06-30', outDir: path.join(root, 'd') });
    const customerRecords = parseCsv(fs.readFileSync(files[0], 'utf8'));
    const orderRecords = parseCsv(fs.readFileSync(files[1], 'utf8'));
    expect(customerRecords[0].fields).toEqual(CUSTOMER_CSV_HEADER);
    expect(orderRecords[0].fields).toEqual(ORDER_CSV_HEADER);
    expect(customerRecords).toHaveLength(customers + 1);
    expect(orderRecords).toHaveLength(orders + 1);
    expect(orders).toBeGreaterThan(customers * 4);
    const customerIds = new Set(customerRecords.slice(1).map((r) => r.fields[0]));
    expect(customerIds.size).toBe(300);
    for (const record of orderRecords.slice(1)) {
      expect(customerIds.has(record.fields[1])).toBe(true);
      expect(record.fields[2] <= '2026-06-30T23:59:59Z').toBe(true);
      expect(Number(record.fields[3])).toBeGreaterThan(0);
    }
  });
});
