import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { allocationPlans } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { InfeasibleBudgetError } from '@/lib/valuation/allocation';
import { runAllocationScenario, type PlannerInputs, type ScenarioPlans } from '@/lib/valuation/allocation-scenario';
import type { SegmentAction } from '@/lib/valuation/recommended-action';
import { selectionOf } from './planner-inputs';
import { segmentValuations } from './valuation-report';

/** Per segment of a computed plan: its name and the data's recommended action, as they were when it was computed. */
export type PlanSegmentNote = { name: string; recommendedAction: SegmentAction; recommendedLabel: string; reason: string };

/** A plan as computed (and stored): the optimal allocation, both baselines, and what the segments were then. */
export type ComputedPlan = ScenarioPlans & {
  currency: string;
  asOf: string | null;
  segments: Record<string, PlanSegmentNote>;
};

export type BuildPlanResult = { ok: true; plan: ComputedPlan } | { ok: false; error: string };

/**
 * Computes a plan on the server from the inputs alone: the segments' metrics are read again, so what is saved or
 * exported never depends on numbers the browser sent.
 */
export async function computeAllocationPlan(tenant: Tenant, currency: string, inputs: PlannerInputs): Promise<BuildPlanResult> {
  const valuations = await segmentValuations(tenant, currency, selectionOf(inputs));
  const byKey = new Map(valuations.segments.map((segment) => [segment.key as string, segment]));
  const missing = inputs.segments.find((row) => !byKey.has(row.segmentId));
  if (missing) return { ok: false, error: 'A segment of this plan no longer exists. Reload the planner.' };
  try {
    const plans = runAllocationScenario(inputs, new Map([...byKey].map(([key, segment]) => [key, segment.metrics])));
    const segments = Object.fromEntries(
      inputs.segments.map(({ segmentId }) => {
        const { name, recommendation } = byKey.get(segmentId)!;
        return [segmentId, { name, recommendedAction: recommendation.action, recommendedLabel: recommendation.label, reason: recommendation.reason }];
      }),
    );
    return { ok: true, plan: { ...plans, currency, asOf: valuations.asOf, segments } };
  } catch (error) {
    if (error instanceof InfeasibleBudgetError || error instanceof RangeError) return { ok: false, error: error.message };
    throw error;
  }
}

export type SavedPlanSummary = {
  id: number;
  name: string;
  author: string | null;
  createdAt: Date;
  budget: number;
  expectedIncrementalMargin: number;
  equalSplitMargin: number;
  revenueProportionalMargin: number;
};

export type SavedPlan = SavedPlanSummary & { inputs: PlannerInputs; plan: ComputedPlan };

type PlanRow = {
  id: number;
  name: string;
  author: string | null;
  created_at: Date | string;
  inputs: PlannerInputs | string;
  result: ComputedPlan | string;
};

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function toSavedPlan(row: PlanRow): SavedPlan {
  const inputs = json(row.inputs);
  const plan = json(row.result);
  return {
    id: Number(row.id),
    name: row.name,
    author: row.author,
    createdAt: new Date(row.created_at),
    budget: inputs.budget,
    expectedIncrementalMargin: plan.optimal.totals.expectedIncrementalMargin,
    equalSplitMargin: plan.equalSplit.totals.expectedIncrementalMargin,
    revenueProportionalMargin: plan.revenueProportional.totals.expectedIncrementalMargin,
    inputs,
    plan,
  };
}

export async function savePlan(tenant: Tenant, userId: string, name: string, inputs: PlannerInputs, plan: ComputedPlan): Promise<number> {
  return withTenant(tenant, async (tx) => {
    const [row] = await tx
      .insert(allocationPlans)
      .values({ orgId: tenant.orgId, name, createdBy: userId, inputs, result: plan })
      .returning({ id: allocationPlans.id });
    return row.id;
  });
}

const planColumns = sql`p.id::int as id, p.name, u.name as author, p.created_at`;

/** The workspace's saved plans, newest first, with their headline figures (read out of the stored result). */
export async function listPlans(tenant: Tenant): Promise<SavedPlanSummary[]> {
  const rows = await withTenant(tenant, (tx) =>
    queryRows<Omit<PlanRow, 'inputs' | 'result'> & { budget: number; optimal: number; equal_split: number; proportional: number }>(
      tx,
      sql`select ${planColumns},
                 (p.inputs->>'budget')::float8 as budget,
                 (p.result#>>'{optimal,totals,expectedIncrementalMargin}')::float8 as optimal,
                 (p.result#>>'{equalSplit,totals,expectedIncrementalMargin}')::float8 as equal_split,
                 (p.result#>>'{revenueProportional,totals,expectedIncrementalMargin}')::float8 as proportional
          from allocation_plans p left join users u on u.id = p.created_by
          where p.org_id = ${tenant.orgId}
          order by p.created_at desc, p.id desc`,
    ),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    author: row.author,
    createdAt: new Date(row.created_at),
    budget: Number(row.budget),
    expectedIncrementalMargin: Number(row.optimal),
    equalSplitMargin: Number(row.equal_split),
    revenueProportionalMargin: Number(row.proportional),
  }));
}

/** One saved plan of the workspace; null for another workspace's id or one that does not exist. */
export async function findPlan(tenant: Tenant, id: number): Promise<SavedPlan | null> {
  const [row] = await withTenant(tenant, (tx) =>
    queryRows<PlanRow>(
      tx,
      sql`select ${planColumns}, p.inputs, p.result
          from allocation_plans p left join users u on u.id = p.created_by
          where p.org_id = ${tenant.orgId} and p.id = ${id}`,
    ),
  );
  return row ? toSavedPlan(row) : null;
}

/** Deletes one of the workspace's plans; false when it has no plan with that id. */
export async function deletePlan(tenant: Tenant, id: number): Promise<boolean> {
  const rows = await withTenant(tenant, (tx) =>
    queryRows<{ id: number }>(tx, sql`delete from allocation_plans where org_id = ${tenant.orgId} and id = ${id} returning id`),
  );
  return rows.length > 0;
}
