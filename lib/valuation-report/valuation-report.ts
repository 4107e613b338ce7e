import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { trailingQuarters } from '@/lib/metrics/trailing-quarters';
import { recommendAction, type RecommendedAction } from '@/lib/valuation/recommended-action';
import type { SegmentMetrics } from '@/lib/valuation/segment-metrics';
import type { SegmentMarketInputs, SegmentToScore } from '@/lib/valuation/value-score';
import { marketInputsByKey, marketInputsOf, type InputsAuthor } from './market-inputs-store';
import { parseSegmentKey, savedSegmentKey, type SegmentKey } from './segment-keys';
import {
  emptyFigures,
  segmentFigures,
  type QuarterFigures,
  type SegmentFiguresByKey,
  type SegmentSelection,
} from './segment-metrics-query';
import { savedSegmentNames, type SavedSegmentName } from './segment-names';
import { workspaceWeights, type WorkspaceWeights } from './weights-store';

/** Members who entered and departed at a saved segment's latest refresh, against the refresh before. */
export type SegmentMigration = { entered: number; departed: number; net: number; since: Date; at: Date };

export type ValuedSegment = {
  key: SegmentKey;
  name: string;
  kind: 'rfm' | 'segment';
  /** A saved segment's colour (lib/segments/segment-colors); null for RFM segments. */
  color: string | null;
  metrics: SegmentMetrics;
  /** The last four quarters, oldest first. */
  quarters: QuarterFigures[];
  /** Saved segments with two or more refreshes only: RFM segments keep no history. */
  migration: SegmentMigration | null;
  market: SegmentMarketInputs;
  marketSetBy: InputsAuthor | null;
  recommendation: RecommendedAction;
};

export type SegmentValuations = {
  /** The metrics' data cut-off (YYYY-MM-DD); null before the first recompute. */
  asOf: string | null;
  currency: string;
  /** Every buyer of the workspace. */
  population: SegmentMetrics;
  populationQuarters: QuarterFigures[];
  /** The four quarters of the trend, oldest first; empty without metrics. */
  quarterDates: { start: string; end: string }[];
  segments: ValuedSegment[];
  /** The selection as it was run: saved segments that no longer exist are dropped. */
  selection: SegmentSelection;
  /** Every saved segment of the workspace, to choose from. */
  savedSegments: SavedSegmentName[];
  /** Customers counted in more than one of the chosen segments (0 when they do not overlap). */
  overlappingCustomers: number;
};

export type ValuationReport = SegmentValuations & { weights: WorkspaceWeights };

async function metricsAsOf(tx: Database, orgId: string): Promise<string | null> {
  // Every row of a workspace carries the same cut-off: one index probe instead of max() over all of them.
  const [row] = await queryRows<{ as_of: string }>(tx, sql`select as_of::text as as_of from customer_metrics where org_id = ${orgId} limit 1`);
  return row?.as_of ?? null;
}

async function latestMigrations(tx: Database, orgId: string, ids: readonly number[]): Promise<Map<number, SegmentMigration>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ segment_id: number; entered: number; departed: number; taken_at: Date | string; previous_at: Date | string | null }>(
    tx,
    sql`select segment_id::int as segment_id, entered, departed, taken_at, previous_at from (
          select segment_id, entered, departed, taken_at,
                 lag(taken_at) over (partition by segment_id order by taken_at, id) as previous_at,
                 row_number() over (partition by segment_id order by taken_at desc, id desc) as newest
          from segment_snapshots
          where org_id = ${orgId} and segment_id = any(${sql.param([...ids])}::bigint[])
        ) snapshots
        where newest = 1 and previous_at is not null`,
  );
  return new Map(
    rows.map((row) => [
      Number(row.segment_id),
      {
        entered: Number(row.entered),
        departed: Number(row.departed),
        net: Number(row.entered) - Number(row.departed),
        since: new Date(row.previous_at!),
        at: new Date(row.taken_at),
      },
    ]),
  );
}

/** Buyers in more than one chosen segment. With the RFM segments (one per scored buyer) that is every scored buyer of a saved segment. */
async function overlappingCustomers(tx: Database, orgId: string, selection: SegmentSelection): Promise<number> {
  const ids = selection.savedSegmentIds;
  if (ids.length === 0 || (!selection.rfm && ids.length === 1)) return 0;
  const savedBuyers = sql`
    select sm.customer_id from segment_members sm
    join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
    where sm.org_id = ${orgId} and sm.segment_id = any(${sql.param([...ids])}::bigint[]) and m.orders > 0
      and (m.rfm_segment is not null or not ${selection.rfm}::boolean)`;
  const [row] = await queryRows<{ customers: number }>(
    tx,
    selection.rfm
      ? sql`select count(distinct customer_id)::int as customers from (${savedBuyers}) saved`
      : sql`select count(*)::int as customers from (select customer_id from (${savedBuyers}) saved group by customer_id having count(*) > 1) shared`,
  );
  return Number(row?.customers ?? 0);
}

function valuedSegments(
  figures: SegmentFiguresByKey,
  selection: SegmentSelection,
  saved: readonly SavedSegmentName[],
  market: Awaited<ReturnType<typeof marketInputsByKey>>,
  migrations: Map<number, SegmentMigration>,
  currency: string,
): ValuedSegment[] {
  const entry = (key: SegmentKey, name: string, kind: ValuedSegment['kind'], color: string | null, migration: SegmentMigration | null) => {
    const { metrics, quarters } = figures.segments.get(key) ?? emptyFigures();
    const { inputs, setBy } = marketInputsOf(market, key);
    return {
      key, name, kind, color, metrics, quarters, migration, market: inputs, marketSetBy: setBy,
      recommendation: recommendAction(metrics, figures.population.metrics, currency),
    };
  };
  // The RFM segments the metrics hold (those without buyers are left out); a chosen saved segment always shows,
  // if only to say it is empty.
  const rfm = selection.rfm
    ? [...figures.segments.keys()]
        .flatMap((key) => {
          const ref = parseSegmentKey(key);
          return ref?.kind === 'rfm' ? [entry(key, ref.name, 'rfm', null, null)] : [];
        })
        .sort((a, b) => b.metrics.revenueLast12Months - a.metrics.revenueLast12Months)
    : [];
  const byId = new Map(saved.map((segment) => [segment.id, segment]));
  const chosen = selection.savedSegmentIds.flatMap((id) => {
    const segment = byId.get(id);
    return segment ? [entry(savedSegmentKey(id), segment.name, 'segment', segment.color, migrations.get(id) ?? null)] : [];
  });
  return [...rfm, ...chosen];
}

async function loadValuations(tx: Database, orgId: string, currency: string, requested: SegmentSelection): Promise<SegmentValuations> {
  await useAnalyticalSettings(tx);
  const savedSegments = await savedSegmentNames(tx, orgId);
  const existing = new Set(savedSegments.map((segment) => segment.id));
  const savedSegmentIds = requested.savedSegmentIds.filter((id) => existing.has(id));
  const selection = { rfm: requested.rfm || savedSegmentIds.length === 0, savedSegmentIds };
  const asOf = await metricsAsOf(tx, orgId);
  const figures = asOf ? await segmentFigures(tx, orgId, selection) : { population: emptyFigures(), segments: new Map() };
  const market = await marketInputsByKey(tx, orgId);
  const migrations = await latestMigrations(tx, orgId, savedSegmentIds);
  return {
    asOf,
    currency,
    population: figures.population.metrics,
    populationQuarters: figures.population.quarters,
    quarterDates: asOf ? trailingQuarters(asOf) : [],
    segments: valuedSegments(figures, selection, savedSegments, market, migrations, currency),
    selection,
    savedSegments,
    overlappingCustomers: asOf ? await overlappingCustomers(tx, orgId, selection) : 0,
  };
}

/**
 * The valuation of the chosen segments (default: the RFM segments) in one transaction: the per-segment metrics and
 * quarterly trend are one statement over customer_metrics; names, market inputs and migrations are small lookups.
 */
export async function segmentValuations(tenant: Tenant, currency: string, selection: SegmentSelection): Promise<SegmentValuations> {
  return withTenant(tenant, (tx) => loadValuations(tx, tenant.orgId, currency, selection));
}

/** What the Valuation page shows: the segments' valuations and the workspace's value-score weights. */
export async function valuationReport(tenant: Tenant, currency: string, selection: SegmentSelection): Promise<ValuationReport> {
  return withTenant(tenant, async (tx) => ({
    ...(await loadValuations(tx, tenant.orgId, currency, selection)),
    weights: await workspaceWeights(tx, tenant.orgId),
  }));
}

/** The value score's view of the segments (lib/valuation/value-score). */
export function segmentsToScore(segments: readonly ValuedSegment[]): SegmentToScore[] {
  return segments.map((segment) => ({ segmentId: segment.key, metrics: segment.metrics, market: segment.market }));
}
