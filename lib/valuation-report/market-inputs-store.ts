import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { segmentMarketInputs, users } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { isWorkspaceRfmSegment } from '@/lib/metrics/segment-scheme-store';
import { DEFAULT_MARKET_INPUTS, type SegmentMarketInputs } from '@/lib/valuation/value-score';
import { segmentExists } from './segment-names';
import { parseSegmentKey, type SegmentKey } from './segment-keys';

/** Who last changed a segment's market inputs, and when; null while the defaults apply. */
export type InputsAuthor = { name: string | null; at: Date };

export type StoredMarketInputs = { inputs: SegmentMarketInputs; setBy: InputsAuthor | null };

const blankAs = (blank: null | undefined) => (value: unknown) => (typeof value === 'string' && value.trim() === '' ? blank : value);
const number = (label: string, min: number, max: number) =>
  z.coerce.number(`${label} must be a number.`).min(min, `${label}: at least ${min}.`).max(max, `${label}: at most ${max}.`);

/** The market-inputs form; an empty market size means "unknown" (no headroom beyond today's customers). */
export const marketInputsSchema = z.object({
  segmentKey: z.string().refine((key) => parseSegmentKey(key) !== null, 'Unknown segment.'),
  addressableMarketSize: z.preprocess(
    blankAs(null),
    number('Addressable market', 0, 1e12).int('Addressable market: a whole number of customers.').nullable(),
  ),
  expectedMarketGrowthPct: z.preprocess(blankAs(undefined), number('Market growth', -100, 1000)),
  competitiveIntensity: z.enum(['low', 'medium', 'high'], 'Choose low, medium or high competition.'),
  strategicWeight: z.preprocess(blankAs(undefined), number('Strategic weight', 0, 2)),
});

export type MarketInputsForm = z.infer<typeof marketInputsSchema>;

/** Every stored segment's market inputs (segments without a row use DEFAULT_MARKET_INPUTS). */
export async function marketInputsByKey(tx: Database, orgId: string): Promise<Map<SegmentKey, StoredMarketInputs>> {
  const rows = await tx
    .select({
      segmentKey: segmentMarketInputs.segmentKey,
      addressableMarketSize: segmentMarketInputs.addressableMarketSize,
      expectedMarketGrowthPct: segmentMarketInputs.expectedMarketGrowthPct,
      competitiveIntensity: segmentMarketInputs.competitiveIntensity,
      strategicWeight: segmentMarketInputs.strategicWeight,
      updatedAt: segmentMarketInputs.updatedAt,
      updatedByName: users.name,
    })
    .from(segmentMarketInputs)
    .leftJoin(users, eq(users.id, segmentMarketInputs.updatedBy))
    .where(eq(segmentMarketInputs.orgId, orgId));
  return new Map(
    rows.map((row) => [
      row.segmentKey as SegmentKey,
      {
        inputs: {
          addressableMarketSize: row.addressableMarketSize,
          expectedMarketGrowthPct: row.expectedMarketGrowthPct,
          competitiveIntensity: row.competitiveIntensity,
          strategicWeight: row.strategicWeight,
        },
        setBy: { name: row.updatedByName, at: row.updatedAt },
      },
    ]),
  );
}

export function marketInputsOf(stored: Map<SegmentKey, StoredMarketInputs>, key: SegmentKey): StoredMarketInputs {
  return stored.get(key) ?? { inputs: DEFAULT_MARKET_INPUTS, setBy: null };
}

export type SaveMarketInputsResult = { ok: true } | { ok: false; error: string; field?: 'segmentKey' };

/** Upserts one segment's market inputs; refuses a saved segment that is not the workspace's, and RFM segments its scheme lacks. */
export async function saveMarketInputs(tenant: Tenant, userId: string, form: MarketInputsForm): Promise<SaveMarketInputsResult> {
  const ref = parseSegmentKey(form.segmentKey);
  if (!ref) return { ok: false, error: 'Unknown segment.', field: 'segmentKey' };
  return withTenant(tenant, async (tx) => {
    if (ref.kind === 'segment' && !(await segmentExists(tx, tenant.orgId, ref.id))) return { ok: false, error: 'Segment not found.' };
    if (ref.kind === 'rfm' && !(await isWorkspaceRfmSegment(tx, tenant.orgId, ref.name))) return { ok: false, error: 'Unknown segment.', field: 'segmentKey' };
    const values = {
      addressableMarketSize: form.addressableMarketSize,
      expectedMarketGrowthPct: form.expectedMarketGrowthPct,
      competitiveIntensity: form.competitiveIntensity,
      strategicWeight: form.strategicWeight,
      updatedBy: userId,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(segmentMarketInputs)
      .values({ orgId: tenant.orgId, segmentKey: form.segmentKey, ...values })
      .onConflictDoUpdate({ target: [segmentMarketInputs.orgId, segmentMarketInputs.segmentKey], set: values });
    return { ok: true };
  });
}

/** Back to the defaults: the row goes, so the page shows "defaults" rather than a copy of them. */
/** Forgets one segment's market inputs; like saving, refuses a saved segment that is not the workspace's. */
export async function resetMarketInputs(tenant: Tenant, segmentKey: SegmentKey): Promise<SaveMarketInputsResult> {
  const ref = parseSegmentKey(segmentKey);
  if (!ref) return { ok: false, error: 'Unknown segment.', field: 'segmentKey' };
  return withTenant(tenant, async (tx) => {
    if (ref.kind === 'segment' && !(await segmentExists(tx, tenant.orgId, ref.id))) return { ok: false, error: 'Segment not found.' };
    await tx.delete(segmentMarketInputs).where(and(eq(segmentMarketInputs.orgId, tenant.orgId), eq(segmentMarketInputs.segmentKey, segmentKey)));
    return { ok: true };
  });
}
