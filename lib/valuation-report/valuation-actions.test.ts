import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { allocationPlans, segmentMarketInputs, segments, valuationSettings } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { withTenant } from '@/lib/db/tenant';
import { seedWorkspaceData, type SeededWorkspace } from '@/lib/deletion/deletion-fixture';
import type { PlannerInputs } from '@/lib/valuation/allocation-scenario';
import { DEFAULT_MARKET_INPUTS, VALUE_SCORE_PRESETS } from '@/lib/valuation/value-score';
import { allocationPlanCsv } from './allocation-csv';
import { computeAllocationPlan, findPlan, listPlans, savePlan } from './allocation-plans';
import { savedSegmentKey } from './segment-keys';
import { segmentValuations } from './valuation-report';
import { workspaceWeights } from './weights-store';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveWeightsAction, saveMarketInputsAction, resetMarketInputsAction } = await import('@/app/w/[slug]/valuation/actions');
const { savePlanAction, deletePlanAction } = await import('@/app/w/[slug]/allocation/actions');

let test: TestDatabase;
let shop: SeededWorkspace;
let other: SeededWorkspace;
let shopSegment: number;
let otherSegment: number;

const VIEWER_REFUSED = 'This needs the Marketer role; you are Viewer.';

function formData(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, String(value));
  return data;
}

const signIn = (user: { id: string }) => {
  session.current = { user: { id: user.id } };
};

async function segmentOf(workspace: SeededWorkspace): Promise<number> {
  const [row] = await test.db.select({ id: segments.id }).from(segments).where(eq(segments.orgId, workspace.tenant.orgId));
  return row.id;
}

async function plansOf(workspace: SeededWorkspace): Promise<number> {
  const [{ n }] = await test.db.select({ n: count() }).from(allocationPlans).where(eq(allocationPlans.orgId, workspace.tenant.orgId));
  return n;
}

function planInputs(segmentKeys: string[], budget = 500): PlannerInputs {
  return {
    budget,
    segments: segmentKeys.map((segmentId, i) => ({
      segmentId,
      action: 'retain',
      costPerContact: 1 + i,
      upliftRate: 0.05,
      valuePerResponse: 40,
      minSpend: null,
      maxSpend: null,
    })),
  };
}

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await seedWorkspaceData(test.db, 'Value Shop', ['a1', 'a2', 'a3', 'a4'], 3);
  other = await seedWorkspaceData(test.db, 'Rival Shop', ['b1', 'b2'], 2);
  for (const workspace of [shop, other]) {
    // Half Champions, half At Risk, with model estimates, so both segments have something to value.
    await test.db.execute(sql`
      update customer_metrics set predicted_clv = 80 + customer_id % 7, probability_alive = 0.7, expected_purchases_90_days = 0.5,
             tenure_days = 200, recency_days = 30,
             rfm_segment = case when customer_id % 2 = 0 then 'Champions' else 'At Risk' end
      where org_id = ${workspace.tenant.orgId}`);
  }
  [shopSegment, otherSegment] = [await segmentOf(shop), await segmentOf(other)];
});
afterAll(() => test?.drop());
beforeEach(() => {
  session.current = null;
});

describe(`market inputs (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  const champions = { segmentKey: 'rfm:Champions', addressableMarketSize: '5000', expectedMarketGrowthPct: '4.5', competitiveIntensity: 'low', strategicWeight: '1.5' };

  it('refuses a viewer and changes nothing', async () => {
    signIn(shop.viewer);
    expect(await saveMarketInputsAction(shop.workspace.slug, {}, formData(champions))).toEqual({ error: VIEWER_REFUSED });
    expect(await resetMarketInputsAction(shop.workspace.slug, {}, formData({ segmentKey: 'rfm:Champions' }))).toEqual({ error: VIEWER_REFUSED });
    const stored = await test.db.select().from(segmentMarketInputs).where(eq(segmentMarketInputs.orgId, shop.tenant.orgId));
    expect(stored).toEqual([]);
  });

  it('saves a marketer’s inputs with who and when, and the report uses them', async () => {
    signIn(shop.marketer);
    expect(await saveMarketInputsAction(shop.workspace.slug, {}, formData(champions))).toEqual({ ok: true, message: 'Market inputs saved.' });
    const report = await segmentValuations(shop.tenant, 'USD', { rfm: true, savedSegmentIds: [] });
    const segment = report.segments.find((s) => s.key === 'rfm:Champions')!;
    expect(segment.market).toEqual({ addressableMarketSize: 5000, expectedMarketGrowthPct: 4.5, competitiveIntensity: 'low', strategicWeight: 1.5 });
    expect(segment.marketSetBy?.name).toBe(shop.marketer.name);
    expect(report.segments.find((s) => s.key === 'rfm:At Risk')!.market).toEqual(DEFAULT_MARKET_INPUTS);
    // Another workspace sees its own defaults.
    const theirs = await segmentValuations(other.tenant, 'USD', { rfm: true, savedSegmentIds: [] });
    expect(theirs.segments.find((s) => s.key === 'rfm:Champions')!.marketSetBy).toBeNull();
  });

  it('validates the fields: an empty market size means unknown, the strategic weight stays within 0–2', async () => {
    signIn(shop.admin);
    const invalid = await saveMarketInputsAction(shop.workspace.slug, {}, formData({ ...champions, strategicWeight: '3', competitiveIntensity: 'fierce' }));
    expect(invalid.fieldErrors?.strategicWeight).toEqual(['Strategic weight: at most 2.']);
    expect(invalid.fieldErrors?.competitiveIntensity).toBeDefined();
    expect(await saveMarketInputsAction(shop.workspace.slug, {}, formData({ ...champions, addressableMarketSize: '' }))).toMatchObject({ ok: true });
    const [row] = await test.db
      .select()
      .from(segmentMarketInputs)
      .where(and(eq(segmentMarketInputs.orgId, shop.tenant.orgId), eq(segmentMarketInputs.segmentKey, 'rfm:Champions')));
    expect(row.addressableMarketSize).toBeNull();
    expect(row.updatedBy).toBe(shop.admin.id);
  });

  it('refuses another workspace’s saved segment and unknown segment keys', async () => {
    signIn(shop.marketer);
    const foreign = { ...champions, segmentKey: savedSegmentKey(otherSegment) };
    expect(await saveMarketInputsAction(shop.workspace.slug, {}, formData(foreign))).toEqual({ error: 'Segment not found.' });
    expect((await saveMarketInputsAction(shop.workspace.slug, {}, formData({ ...champions, segmentKey: 'rfm:Nobody' }))).fieldErrors?.segmentKey).toEqual(['Unknown segment.']);
    expect(await saveMarketInputsAction(shop.workspace.slug, {}, formData({ ...champions, segmentKey: savedSegmentKey(shopSegment) }))).toMatchObject({ ok: true });
    const keys = (await test.db.select().from(segmentMarketInputs)).map((row) => `${row.orgId === shop.tenant.orgId ? 'shop' : 'other'}:${row.segmentKey}`);
    expect(keys.sort()).toEqual(['shop:rfm:Champions', `shop:segment:${shopSegment}`]);
    expect(await resetMarketInputsAction(shop.workspace.slug, {}, formData({ segmentKey: savedSegmentKey(otherSegment) }))).toEqual({ error: 'Segment not found.' });
  });

  it('resets a segment to the defaults', async () => {
    signIn(shop.marketer);
    expect(await resetMarketInputsAction(shop.workspace.slug, {}, formData({ segmentKey: 'rfm:Champions' }))).toMatchObject({ ok: true });
    const report = await segmentValuations(shop.tenant, 'USD', { rfm: true, savedSegmentIds: [] });
    expect(report.segments.find((s) => s.key === 'rfm:Champions')).toMatchObject({ market: DEFAULT_MARKET_INPUTS, marketSetBy: null });
  });
});

describe('value-score weights', () => {
  const growth = { preset: 'growth', ...VALUE_SCORE_PRESETS.growth.weights };

  it('refuses a viewer, who keeps exploring the default weights', async () => {
    signIn(shop.viewer);
    expect(await saveWeightsAction(shop.workspace.slug, {}, formData(growth))).toEqual({ error: VIEWER_REFUSED });
    expect(await test.db.select().from(valuationSettings)).toEqual([]);
    expect((await withTenant(shop.tenant, (tx) => workspaceWeights(tx, shop.tenant.orgId))).preset).toBe('balanced');
  });

  it('saves a marketer’s weights for the workspace only', async () => {
    signIn(shop.marketer);
    expect(await saveWeightsAction(shop.workspace.slug, {}, formData(growth))).toMatchObject({ ok: true });
    const saved = await withTenant(shop.tenant, (tx) => workspaceWeights(tx, shop.tenant.orgId));
    expect(saved).toMatchObject({ preset: 'growth', weights: VALUE_SCORE_PRESETS.growth.weights, setBy: { name: shop.marketer.name } });
    expect((await withTenant(other.tenant, (tx) => workspaceWeights(tx, other.tenant.orgId))).setBy).toBeNull();
  });

  it('refuses all-zero and out-of-range weights', async () => {
    signIn(shop.marketer);
    const zeros = Object.fromEntries(Object.keys(VALUE_SCORE_PRESETS.growth.weights).map((id) => [id, 0]));
    expect((await saveWeightsAction(shop.workspace.slug, {}, formData({ preset: 'custom', ...zeros }))).fieldErrors?._form).toEqual([
      'At least one weight must be above 0.',
    ]);
    expect((await saveWeightsAction(shop.workspace.slug, {}, formData({ ...growth, loyalty: 101 }))).fieldErrors?.loyalty).toBeDefined();
    expect((await withTenant(shop.tenant, (tx) => workspaceWeights(tx, shop.tenant.orgId))).preset).toBe('growth');
  });
});

describe('allocation plans', () => {
  const keys = () => ['rfm:Champions', 'rfm:At Risk', savedSegmentKey(shopSegment)];

  it('refuses a viewer and saves nothing', async () => {
    signIn(shop.viewer);
    const result = await savePlanAction(shop.workspace.slug, {}, formData({ name: 'Q3', inputs: JSON.stringify(planInputs(keys())) }));
    expect(result).toEqual({ error: VIEWER_REFUSED });
    expect(await plansOf(shop)).toBe(0);
  });

  it('recomputes and saves a marketer’s plan with author and date; it beats both baselines', async () => {
    signIn(shop.marketer);
    const inputs = planInputs(keys());
    const result = await savePlanAction(shop.workspace.slug, {}, formData({ name: '  Q3 push ', inputs: JSON.stringify(inputs) }));
    expect(result).toEqual({ ok: true, message: 'Saved “Q3 push”. It is listed under Saved plans.' });
    const [summary] = await listPlans(shop.tenant);
    expect(summary).toMatchObject({ name: 'Q3 push', author: shop.marketer.name, budget: 500 });
    expect(Date.now() - summary.createdAt.getTime()).toBeLessThan(60_000);
    expect(summary.expectedIncrementalMargin).toBeGreaterThan(summary.equalSplitMargin);
    expect(summary.expectedIncrementalMargin).toBeGreaterThan(summary.revenueProportionalMargin);
    const saved = await findPlan(shop.tenant, summary.id);
    expect(saved!.inputs).toEqual(inputs);
    const fresh = await computeAllocationPlan(shop.tenant, 'USD', inputs);
    expect(fresh.ok && saved!.plan.optimal.totals.expectedIncrementalMargin).toBeCloseTo(fresh.ok ? fresh.plan.optimal.totals.expectedIncrementalMargin : NaN, 6);
    expect(saved!.plan.segments['rfm:Champions'].name).toBe('Champions');
    expect(saved!.plan.segments[savedSegmentKey(shopSegment)].name).toBe('Everyone');
    const csv = allocationPlanCsv(saved!.inputs, saved!.plan);
    expect(csv.rows.map((row) => row[0])).toEqual(['Champions', 'At Risk', 'Everyone', 'Total: optimised (budget 500)', 'Total: equal split', 'Total: proportional to revenue']);
    for (const row of csv.rows) expect(row).toHaveLength(csv.header.length);
    expect(csv.rows.slice(0, 3).reduce((sum, row) => sum + Number(row[csv.header.indexOf('spend')]), 0)).toBeCloseTo(500, 1);
  });

  it('explains inputs it cannot plan with', async () => {
    signIn(shop.marketer);
    const save = (inputs: unknown, name = 'Bad') => savePlanAction(shop.workspace.slug, {}, formData({ name, inputs: typeof inputs === 'string' ? inputs : JSON.stringify(inputs) }));
    expect((await save('{nope')).fieldErrors?.inputs).toEqual(['The plan’s inputs could not be read.']);
    const tooMuch = planInputs(keys(), 10);
    tooMuch.segments[0].minSpend = 50;
    expect((await save(tooMuch)).error).toMatch(/minimum spends add up to 50, more than the budget of 10/);
    expect(await save(planInputs([savedSegmentKey(otherSegment)]))).toEqual({ error: 'A segment of this plan no longer exists. Reload the planner.' });
    expect((await save(planInputs(keys()), '')).fieldErrors?.name).toEqual(['Name the plan.']);
    expect(await plansOf(shop)).toBe(1);
  });

  it('keeps each workspace’s plans to itself', async () => {
    const theirs = await computeAllocationPlan(other.tenant, 'USD', planInputs(['rfm:Champions']));
    if (!theirs.ok) throw new Error(theirs.error);
    const theirId = await savePlan(other.tenant, other.marketer.id, 'Theirs', planInputs(['rfm:Champions']), theirs.plan);
    expect(await findPlan(shop.tenant, theirId)).toBeNull();
    expect((await listPlans(shop.tenant)).map((plan) => plan.name)).toEqual(['Q3 push']);
    signIn(shop.marketer);
    expect(await deletePlanAction(shop.workspace.slug, {}, formData({ id: theirId }))).toEqual({ error: 'Plan not found.' });
    expect(await findPlan(other.tenant, theirId)).not.toBeNull();
  });

  it('lets a marketer, not a viewer, delete a plan', async () => {
    const [plan] = await listPlans(shop.tenant);
    signIn(shop.viewer);
    expect(await deletePlanAction(shop.workspace.slug, {}, formData({ id: plan.id }))).toEqual({ error: VIEWER_REFUSED });
    expect(await plansOf(shop)).toBe(1);
    signIn(shop.marketer);
    expect(await deletePlanAction(shop.workspace.slug, {}, formData({ id: plan.id }))).toEqual({ ok: true, message: 'Plan deleted.' });
    expect(await plansOf(shop)).toBe(0);
  });

  it('refuses members of another workspace', async () => {
    signIn(other.admin);
    expect(await savePlanAction(shop.workspace.slug, {}, formData({ name: 'Sneaky', inputs: JSON.stringify(planInputs(keys())) }))).toEqual({
      error: 'Workspace not found.',
    });
    expect(await saveWeightsAction(shop.workspace.slug, {}, formData({ preset: 'retention', ...VALUE_SCORE_PRESETS.retention.weights }))).toEqual({
      error: 'Workspace not found.',
    });
    expect(await plansOf(shop)).toBe(0);
  });
});
