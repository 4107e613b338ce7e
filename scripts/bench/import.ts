/**
 * npm run bench:import — imports 100,000 generated customers and their ~800,000 orders through the import CLI into a
 * fresh PostgreSQL database, and in the same run loads the same files with `psql \copy` into bare tables (the
 * baseline) and inserts those rows into the product's indexed tables (the floor any loader pays for this schema);
 * then the CLI again on PGlite. BENCH_CUSTOMERS (default 100000), BENCH_PGLITE=false to skip PGlite.
 * Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoCsv } from '@/lib/demo/write-csv';
import { createScratchDatabase } from '@/lib/db/scratch-database';
import { BENCH_SERVER_URL } from './databases';

const customers = Number(process.env.BENCH_CUSTOMERS || 100_000);

function run(command: string, args: string[], env: Record<string, string> = {}): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Math.round(performance.now() - started);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}\n${result.stdout}`);
  return { ms, stdout: result.stdout };
}

function lastJson(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

// The project's own tsx, as `npm run import` runs it, without npx's package lookup in the timed run.
const TSX = path.join('node_modules', '.bin', 'tsx');

const cli = (files: { customers: string; orders: string }) => [
  'scripts/import.ts', '--workspace', 'bench', '--create', '--customers', files.customers, '--orders', files.orders, '--skip-recompute',
];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-bench-import-'));
  const database = await createScratchDatabase(BENCH_SERVER_URL, 'segmenta_bench');
  try {
    const generated = await writeDemoCsv({ customers, seed: 42, endDate: '2026-06-30', outDir: dir });
    const files = { customers: generated.files[0], orders: generated.files[1] };
    const bytes = fs.statSync(files.customers).size + fs.statSync(files.orders).size;

    // Migrations first, so the timed run measures the import alone.
    run(TSX, ['scripts/migrate.ts'], { DATABASE_URL: database.url });
    const psql = (command: string) => run('psql', [database.url, '-v', 'ON_ERROR_STOP=1', '-qc', command]);
    // Each timed part starts after a checkpoint, so none pays for the write-ahead log the one before it left.
    psql('checkpoint');
    const imported = run(TSX, cli(files), { DATABASE_URL: database.url });
    const report = lastJson(imported.stdout);

    psql('checkpoint');
    psql(`create table bare_customers (customer_id text, email text, name text, signup_date date, country text, region text,
      gender text, birth_year smallint, income_band text, education text, acquisition_channel text, marketing_consent boolean)`);
    psql(`create table bare_orders (order_id text, customer_id text, ordered_at timestamptz, revenue numeric, cost numeric,
      currency text, product_category text, channel text)`);
    const copyCustomers = psql(`\\copy bare_customers from '${files.customers}' with (format csv, header true)`);
    const copyOrders = psql(`\\copy bare_orders from '${files.orders}' with (format csv, header true)`);
    const psqlCopyMs = copyCustomers.ms + copyOrders.ms;

    // The floor for this schema: the bare tables' rows inserted set-based into the product's tables, with their keys
    // and indexes, for a second workspace — what any loader pays after parsing, with no validation or upsert logic.
    const floorOrg = '00000000-0000-4000-8000-000000000001';
    psql(`insert into organizations (id, name, slug) values ('${floorOrg}', 'floor', 'bench-floor')`);
    psql('checkpoint');
    const floorCustomers = psql(`insert into customers (org_id, external_id, email, name, signup_date, country, region, gender,
      birth_year, income_band, education, acquisition_channel, marketing_consent)
      select '${floorOrg}', customer_id, email, name, signup_date, country, region, gender, birth_year, income_band, education,
             acquisition_channel, coalesce(marketing_consent, false) from bare_customers`);
    const floorOrders = psql(`insert into orders (org_id, external_id, customer_id, ordered_at, revenue, cost, currency,
      product_category, channel)
      select '${floorOrg}', o.order_id, c.id, o.ordered_at, o.revenue, o.cost, o.currency, o.product_category, o.channel
      from bare_orders o join customers c on c.org_id = '${floorOrg}' and c.external_id = o.customer_id`);
    const floorMs = psqlCopyMs + floorCustomers.ms + floorOrders.ms;

    let pgliteMs: number | null = null;
    if (process.env.BENCH_PGLITE !== 'false') {
      const pgliteDir = path.join(dir, 'pglite');
      pgliteMs = run(TSX, cli(files), { DATABASE_URL: '', PGLITE_DIR: pgliteDir }).ms;
    }

    const orders = (report.orders as { counts: { rowsInserted: number } }).counts.rowsInserted;
    console.log(`files: ${customers} customers, ${orders} orders, ${(bytes / 1e6).toFixed(1)} MB`);
    console.log(`import CLI on PostgreSQL: ${imported.ms} ms (inside the process ${report.import_ms} ms), peak RSS ${report.peak_rss_mb} MB`);
    console.log(`psql \\copy into bare tables: ${psqlCopyMs} ms; PGlite import CLI: ${pgliteMs ?? 'skipped'} ms`);
    console.log(`floor (\\copy, then insert … select into the indexed customers and orders tables): ${floorMs} ms`);
    console.log(
      JSON.stringify({
        import_ms: imported.ms,
        psql_copy_ms: psqlCopyMs,
        ratio: Number((imported.ms / psqlCopyMs).toFixed(2)),
        floor_ms: floorMs,
        ratio_to_floor: Number((imported.ms / floorMs).toFixed(2)),
        peak_rss_mb: report.peak_rss_mb,
        orders,
        customers,
        pglite_import_ms: pgliteMs,
      }),
    );
  } finally {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
