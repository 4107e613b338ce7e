/**
 * npm run bench:valuation — the valuation page and the allocation on 100,000 generated customers (~800,000 orders)
 * in a scratch PostgreSQL database (DATABASE_URL or 127.0.0.1:5432) with customer value computed:
 *
 * 1. 50 requests to /w/<slug>/valuation as a signed-in viewer, sequentially, against `next start` on the scratch
 *    database (the last production build in .next: run `npm run build` first; this script never builds). Each time
 *    is the whole response, streamed body included, after 3 warm-up requests.
 * 2. The page's server-side data function (the report statement and lookups, then the value score) timed 50 times
 *    in-process, to separate database time from rendering.
 * 3. One allocation on the RFM segments with the default assumptions (each segment's recommended action) and the
 *    planner's suggested budget, against the equal-split and revenue-proportional baselines.
 *
 * Targets: page p95 < 500 ms; the allocation's expected margin above both baselines. BENCH_CUSTOMERS (default
 * 100000); BENCH_SKIP_SERVER=true skips step 1 (page_p95_ms is then null). Last line: one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createUser } from '@/lib/auth/users';
import { useDatabase } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { tenantForJob } from '@/lib/db/tenant';
import { writeDemoCsv } from '@/lib/demo/write-csv';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { segmentsToScore, segmentValuations, valuationReport } from '@/lib/valuation-report/valuation-report';
import { allocationSegments, defaultPlannerSegment, runAllocationScenario, suggestedBudget } from '@/lib/valuation/allocation-scenario';
import { scoreSegments } from '@/lib/valuation/value-score';
import { addMember } from '@/lib/workspaces/workspaces';
import { benchDatabase } from './databases';
import { loadGeneratedWorkspace } from './load-generated';
import { startProductionServer, signInWithPassword } from '../production-server';
import { percentile } from './percentile';

const customers = Number(process.env.BENCH_CUSTOMERS || 100_000);
const skipServer = process.env.BENCH_SKIP_SERVER === 'true';
const REQUESTS = 50;
const WARM_UP = 3;
const PAGE_TARGET_MS = 500;
const VIEWER = { email: 'bench-viewer@example.com', name: 'Bench Viewer', password: 'bench-viewer-password' };

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function timePage(databaseUrl: string, slug: string): Promise<number[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-bench-valuation-server-'));
  const server = await startProductionServer({
    env: { DATABASE_URL: databaseUrl, SEGMENTA_SEED_DEMO: 'false', AUTH_SECRET_FILE: path.join(scratch, 'auth-secret') },
    ready: /Ready in/,
  });
  try {
    const cookie = await signInWithPassword(server.url, VIEWER.email, VIEWER.password);
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/w/${slug}/valuation`, { headers: { cookie }, redirect: 'manual' });
      const html = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200 || !html.includes('Ranking')) {
        throw new Error(`GET /w/${slug}/valuation answered ${response.status} without the report:\n${html.slice(0, 500)}`);
      }
      if (i >= WARM_UP) times.push(elapsed);
    }
    return times;
  } finally {
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  if (!skipServer && !fs.existsSync(path.resolve('.next/BUILD_ID'))) {
    console.error(
      'bench:valuation times the valuation page on the production server and needs a production build in .next.\n' +
        'Run `npm run build` first (this script does not build), or set BENCH_SKIP_SERVER=true to time only the data function.',
    );
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-bench-valuation-'));
  const conn = await benchDatabase('postgres');
  useDatabase(conn);
  try {
    const generated = await writeDemoCsv({ customers, seed: 42, endDate: '2026-06-30', outDir: dir });
    const orgId = await loadGeneratedWorkspace(conn, { customers: generated.files[0], orders: generated.files[1] }, 'Bench valuation');
    const tenant = tenantForJob({ orgId });
    const recompute = await recomputeCustomerValue(tenant);
    // A recompute rewrites customer_metrics; autovacuum analyzes it within a minute. Do it now rather than wait.
    await conn.db.execute(sql`analyze customer_metrics`);
    const [{ slug, orders }] = await queryRows<{ slug: string; orders: number }>(
      conn.db,
      sql`select slug, (select count(*)::int from orders where org_id = ${orgId}) as orders from organizations where id = ${orgId}`,
    );
    const viewer = await createUser(conn.db, VIEWER);
    await addMember(conn.db, orgId, viewer.id, 'viewer');
    console.log(`loaded ${recompute.customers} customers / ${orders} orders; recompute ${recompute.totalMs} ms`);

    // The data function the page awaits: report statement and lookups, then the value score the client renders.
    const dataTimes: number[] = [];
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      const started = performance.now();
      const report = await valuationReport(tenant, 'USD', { rfm: true, savedSegmentIds: [] });
      scoreSegments(segmentsToScore(report.segments), report.weights.weights);
      if (i >= WARM_UP) dataTimes.push(performance.now() - started);
    }
    console.log(`data function: p50 ${round(percentile(dataTimes, 0.50))} ms, p95 ${round(percentile(dataTimes, 0.95))} ms`);

    // One allocation on the RFM segments with the default assumptions and the suggested budget.
    const valuations = await segmentValuations(tenant, 'USD', { rfm: true, savedSegmentIds: [] });
    const metrics = new Map(valuations.segments.map((segment) => [segment.key as string, segment.metrics]));
    const rows = valuations.segments.map((segment) => defaultPlannerSegment(segment.key, segment.metrics, segment.recommendation.action));
    const budget = suggestedBudget(allocationSegments({ budget: 0, segments: rows }, metrics));
    const plans = runAllocationScenario({ budget, segments: rows }, metrics);
    const [allocation, equalSplit, proportional] = [plans.optimal, plans.equalSplit, plans.revenueProportional].map(
      (plan) => plan.totals.expectedIncrementalMargin,
    );
    console.log(
      `allocation of ${budget} over ${rows.length} RFM segments: margin ${round(allocation, 2)} vs equal split ${round(equalSplit, 2)} ` +
        `and proportional to revenue ${round(proportional, 2)}`,
    );

    const pageTimes = skipServer ? null : await timePage(conn.url!, slug);
    if (pageTimes) console.log(`valuation page as a viewer: p50 ${round(percentile(pageTimes, 0.50))} ms, p95 ${round(percentile(pageTimes, 0.95))} ms`);
    const pageP95 = pageTimes ? round(percentile(pageTimes, 0.95)) : null;
    const beatsBaselines = allocation > equalSplit && allocation > proportional;
    console.log(
      JSON.stringify({
        page_p95_ms: pageP95,
        page_p50_ms: pageTimes ? round(percentile(pageTimes, 0.50)) : null,
        page_requests: pageTimes?.length ?? 0,
        data_p95_ms: round(percentile(dataTimes, 0.95)),
        data_p50_ms: round(percentile(dataTimes, 0.50)),
        allocation_margin: round(allocation, 2),
        equal_split_margin: round(equalSplit, 2),
        proportional_margin: round(proportional, 2),
        allocation_budget: budget,
        segments: rows.length,
        customers: recompute.customers,
        orders,
        page_target_met: pageP95 === null ? null : pageP95 < PAGE_TARGET_MS,
        allocation_beats_baselines: beatsBaselines,
      }),
    );
  } finally {
    await conn.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
