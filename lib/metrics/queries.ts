import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { customerMetrics, modelFits } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import type { HoldoutCheck } from './holdout-check';

export type RfmCellFigures = { recency: number; frequency: number; customers: number; revenue: number };
export type RfmSegmentFigures = {
  segment: string;
  customers: number;
  revenue: number;
  averagePredictedClv: number | null;
  averageProbabilityAlive: number | null;
};

export async function rfmCells(tenant: Tenant): Promise<RfmCellFigures[]> {
  return withTenant(tenant, (tx) =>
    queryRows<RfmCellFigures>(
      tx,
      sql`select recency_score::int as recency, frequency_score::int as frequency,
                 count(*)::int as customers, sum(revenue)::float8 as revenue
          from customer_metrics where org_id = ${tenant.orgId} and recency_score is not null
          group by 1, 2 order by 1, 2`,
    ),
  );
}

export async function rfmSegmentFigures(tenant: Tenant): Promise<RfmSegmentFigures[]> {
  return withTenant(tenant, (tx) =>
    queryRows<RfmSegmentFigures>(
      tx,
      sql`select rfm_segment as segment, count(*)::int as customers, sum(revenue)::float8 as revenue,
                 avg(predicted_clv)::float8 as "averagePredictedClv", avg(probability_alive)::float8 as "averageProbabilityAlive"
          from customer_metrics where org_id = ${tenant.orgId} and rfm_segment is not null
          group by 1 order by sum(revenue) desc`,
    ),
  );
}

export type ModelFit = typeof modelFits.$inferSelect & { holdout: HoldoutCheck | null };

/** The newest BG/NBD and Gamma-Gamma fits of the workspace. */
export async function latestModelFits(tenant: Tenant): Promise<{ bgnbd: ModelFit | null; gammaGamma: ModelFit | null }> {
  return withTenant(tenant, async (tx) => {
    const latest = async (model: 'bgnbd' | 'gamma_gamma') => {
      const [fit] = await tx
        .select()
        .from(modelFits)
        .where(and(eq(modelFits.orgId, tenant.orgId), eq(modelFits.model, model)))
        .orderBy(desc(modelFits.fittedAt), desc(modelFits.id))
        .limit(1);
      return (fit as ModelFit | undefined) ?? null;
    };
    return { bgnbd: await latest('bgnbd'), gammaGamma: await latest('gamma_gamma') };
  });
}

export type CustomerValue = typeof customerMetrics.$inferSelect;

export async function customerValue(tenant: Tenant, customerId: number): Promise<CustomerValue | null> {
  return withTenant(tenant, async (tx) => {
    const [row] = await tx
      .select()
      .from(customerMetrics)
      .where(and(eq(customerMetrics.orgId, tenant.orgId), eq(customerMetrics.customerId, customerId)));
    return row ?? null;
  });
}

/** The data cut-off of the current metrics, or null before the first recompute. */
export async function metricsAsOf(tenant: Tenant): Promise<string | null> {
  return withTenant(tenant, async (tx) => {
    const [row] = await queryRows<{ as_of: string | null }>(
      tx,
      sql`select max(as_of)::text as as_of from customer_metrics where org_id = ${tenant.orgId}`,
    );
    return row?.as_of ?? null;
  });
}
