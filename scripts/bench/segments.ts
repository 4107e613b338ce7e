/**
 * npm run bench:segments — on PostgreSQL with BENCH_CUSTOMERS (default 100000) generated customers and their metrics:
 * the refresh of 20 segments of mixed complexity (membership, entered/departed, snapshots), and the live preview
 * over 50 successive rule edits, against a baseline: the bare count-and-sum over the same join for a one-condition
 * filter. Last line: one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { useDatabase } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { tenantForJob, withTenant } from '@/lib/db/tenant';
import { writeDemoCsv } from '@/lib/demo/write-csv';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { DEFAULT_SEGMENT_SCHEME } from '@/lib/models/rfm';
import { previewSegment } from '@/lib/segments/compile-rule';
import { refreshSegments } from '@/lib/segments/refresh-membership';
import { parseSegmentRule, type SegmentRule } from '@/lib/segments/rule-schema';
import { createRuleSegments } from '@/lib/segments/segment-store';
import { rfmTemplates, VALUE_TEMPLATES, type SegmentTemplate } from '@/lib/segments/templates';
import { benchDatabase } from './databases';
import { loadGeneratedWorkspace } from './load-generated';
import { percentile } from './percentile';

const customers = Number(process.env.BENCH_CUSTOMERS || 100_000);
const EDITS = 50;

const condition = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, value });
const group = (combinator: 'and' | 'or', ...children: unknown[]) => ({ kind: 'group', combinator, children });

function rule(root: unknown): SegmentRule {
  const parsed = parseSegmentRule({ version: 1, root });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  return parsed.rule;
}

/** Six hand-written segments beside the 14 templates: nested groups, lists, order conditions, percentiles. */
function customSegments(): SegmentTemplate[] {
  const custom = (key: string, root: unknown): SegmentTemplate => ({ key, name: key, description: '', color: 'indigo', rule: rule(root) });
  return [
    custom('High CLV at risk in DE/FR', group('and', condition('country', 'in', ['DE', 'FR']), condition('predicted_clv', 'gt', 200), group('or', condition('churn_risk', 'gt', 0.5), condition('recency_days', 'gt', 120)))),
    custom('Bought twice this year', group('and', { kind: 'orders', minOrders: 2, withinDays: 365 })),
    custom('Top 5 % CLV', group('and', condition('predicted_clv', 'top_percent', 5))),
    custom('Young high earners', group('and', condition('age', 'between', [18, 34]), condition('income_band', 'in', ['high', 'very high']))),
    custom('Consenting loyal', group('and', condition('marketing_consent', 'is_true'), condition('frequency', 'gte', 4), condition('revenue_last_365_days', 'gt', 100))),
    custom('Recent or frequent', group('or', condition('last_purchase', 'within_last_days', 60), group('and', condition('frequency', 'gte', 6), condition('monetary', 'gt', 500)))),
  ];
}

/** The rule a marketer types, one edit at a time: thresholds move, conditions and a group are added. */
function ruleEdits(): SegmentRule[] {
  return Array.from({ length: EDITS }, (_, i) => {
    const children: unknown[] = [condition('predicted_clv', 'gt', 20 + i * 10)];
    if (i >= 10) children.push(condition('country', 'in', ['DE', 'FR', 'GB', 'US'].slice(0, 1 + (i % 4))));
    if (i >= 20) children.push(group('or', condition('churn_risk', 'gt', 0.3 + (i % 5) / 10), condition('recency_days', 'gt', 30 + i)));
    if (i >= 35) children.push({ kind: 'orders', minOrders: 1 + (i % 3), withinDays: 365 });
    return rule(group('and', ...children));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-bench-segments-'));
  const conn = await benchDatabase('postgres');
  useDatabase(conn);
  try {
    const generated = await writeDemoCsv({ customers, seed: 42, endDate: '2026-06-30', outDir: dir });
    const orgId = await loadGeneratedWorkspace(conn, { customers: generated.files[0], orders: generated.files[1] }, 'Bench segments');
    const tenant = tenantForJob({ orgId });
    await recomputeCustomerValue(tenant);
    const [{ orders }] = await queryRows<{ orders: number }>(conn.db, sql`select count(*)::int as orders from orders`);

    const definitions = [...rfmTemplates(DEFAULT_SEGMENT_SCHEME), ...VALUE_TEMPLATES, ...customSegments()];
    const created = await createRuleSegments(tenant, null, definitions);
    await withTenant(tenant, (tx) => refreshSegments(tx, orgId)); // warm
    const [refreshed, refreshAllMs] = await timed(() => withTenant(tenant, (tx) => refreshSegments(tx, orgId)));

    const baselineQuery = (threshold: number) =>
      withTenant(tenant, (tx) =>
        queryRows(
          tx,
          sql`select count(*) filter (where m.predicted_clv > ${threshold}), sum(m.revenue) filter (where m.predicted_clv > ${threshold})
              from customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id where c.org_id = ${orgId}`,
        ),
      );
    const baselineMs: number[] = [];
    for (let i = 0; i < EDITS; i++) baselineMs.push((await timed(() => baselineQuery(20 + i * 10)))[1]);
    const previewMs: number[] = [];
    let lastCount = 0;
    for (const edit of ruleEdits()) {
      const [result, ms] = await timed(() => withTenant(tenant, (tx) => previewSegment(tx, edit, orgId)));
      previewMs.push(ms);
      lastCount = result.preview.customers;
    }
    const previewP95 = percentile(previewMs, 0.95);
    const baselineP95 = percentile(baselineMs, 0.95);
    console.log(
      `postgres: ${customers} customers / ${orders} orders; ${created.created.length} segments refreshed in ${Math.round(refreshAllMs)} ms ` +
        `(${refreshed.segments} statements); preview p50 ${percentile(previewMs, 0.5).toFixed(1)} ms, p95 ${previewP95.toFixed(1)} ms ` +
        `(last edit matches ${lastCount}); baseline count p95 ${baselineP95.toFixed(1)} ms`,
    );
    console.log(
      JSON.stringify({
        preview_p95_ms: Number(previewP95.toFixed(1)),
        preview_p50_ms: Number(percentile(previewMs, 0.5).toFixed(1)),
        baseline_p95_ms: Number(baselineP95.toFixed(1)),
        preview_ratio: Number((previewP95 / baselineP95).toFixed(2)),
        refresh_all_ms: Math.round(refreshAllMs),
        segments: refreshed.segments,
        customers,
        orders,
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
