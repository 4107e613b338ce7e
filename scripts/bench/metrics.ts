/**
 * npm run bench:metrics — full customer-value recompute (aggregates, RFM, BG/NBD + Gamma-Gamma fits, predictions,
 * holdout check) against a bare SQL baseline (one GROUP BY customer plus NTILE scoring, written to a table) on the
 * same generated data, on PostgreSQL and on PGlite. BENCH_CUSTOMERS (default 100000), BENCH_PGLITE=false to skip PGlite.
 * Last line: one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { useDatabase, type Database } from '@/lib/db/client';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { queryRows } from '@/lib/db/rows';
import { tenantForJob } from '@/lib/db/tenant';
import { writeDemoCsv } from '@/lib/demo/write-csv';
import { recordHoldoutCheck } from '@/lib/metrics/holdout-record';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { benchDatabase } from './databases';
import { loadGeneratedWorkspace } from './load-generated';

const customers = Number(process.env.BENCH_CUSTOMERS || 100_000);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function measure(driver: 'pglite' | 'postgres', files: { customers: string; orders: string }) {
  const conn = await benchDatabase(driver);
  useDatabase(conn);
  try {
    const [orgId, loadMs] = await timed(() => loadGeneratedWorkspace(conn, files, `Bench ${driver}`));
    const baseline = () =>
      timed(() =>
        conn.db.transaction(async (tx) => {
          const db = tx as unknown as Database;
          await useAnalyticalSettings(db); // the same settings the recompute runs with
          await db.execute(sql`drop table if exists bench_baseline`);
          await db.execute(sql`
          create table bench_baseline as
          with per_customer as (
            select customer_id, max(ordered_at) as last_order_at, count(*) as orders, sum(revenue) as revenue
            from orders where org_id = ${orgId} group by customer_id
          )
          select customer_id, ntile(5) over (order by last_order_at) as r, ntile(5) over (order by orders) as f,
                 ntile(5) over (order by revenue) as m
          from per_customer`);
        }),
      );
    await baseline(); // warm the caches for both contenders
    const [, baselineMs] = await baseline();
    const [summary, recomputeMs] = await timed(() => recomputeCustomerValue(tenantForJob({ orgId })));
    const [, holdoutMs] = await timed(() => recordHoldoutCheck(tenantForJob({ orgId })));
    // The floor of the write-back: the recomputed rows inserted once more into an empty copy of customer_metrics
    // with the same keys and indexes, from a table already holding them.
    const writeFloorMs = await conn.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      await db.execute(sql`create temporary table bench_metrics_rows on commit drop as select * from customer_metrics`);
      await db.execute(sql`create table bench_write_floor (like customer_metrics including all)`);
      const [, ms] = await timed(() => db.execute(sql`insert into bench_write_floor select * from bench_metrics_rows`));
      await db.execute(sql`drop table bench_write_floor`);
      return ms;
    });
    const [{ orders }] = await queryRows<{ orders: number }>(conn.db, sql`select count(*)::int as orders from orders`);
    console.log(
      `${driver}: loaded ${summary.customers} customers / ${orders} orders in ${loadMs} ms; baseline ${baselineMs} ms; ` +
        `recompute ${recomputeMs} ms (fits ${summary.fitMs} ms, method ${summary.method}); ratio ${(recomputeMs / baselineMs).toFixed(2)}\n` +
        `  steps: ${JSON.stringify(summary.steps)}; holdout check afterwards ${holdoutMs} ms; ` +
        `write floor (inserting the same rows into an empty indexed copy) ${writeFloorMs} ms`,
    );
    return { recomputeMs, baselineMs, holdoutMs, writeFloorMs, steps: summary.steps, fitMs: summary.fitMs, customers: summary.customers, orders };
  } finally {
    await conn.drop();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-bench-metrics-'));
  try {
    const generated = await writeDemoCsv({ customers, seed: 42, endDate: '2026-06-30', outDir: dir });
    const files = { customers: generated.files[0], orders: generated.files[1] };
    const postgres = await measure('postgres', files);
    const pglite = process.env.BENCH_PGLITE === 'false' ? null : await measure('pglite', files);
    console.log(
      JSON.stringify({
        recompute_ms: postgres.recomputeMs,
        baseline_ms: postgres.baselineMs,
        ratio: Number((postgres.recomputeMs / postgres.baselineMs).toFixed(2)),
        fit_ms: postgres.fitMs,
        holdout_ms: postgres.holdoutMs,
        write_floor_ms: postgres.writeFloorMs,
        steps: postgres.steps,
        customers: postgres.customers,
        orders: postgres.orders,
        pglite_recompute_ms: pglite?.recomputeMs ?? null,
        pglite_baseline_ms: pglite?.baselineMs ?? null,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
