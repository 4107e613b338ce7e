import { and, desc, eq, sql } from 'drizzle-orm';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { queryRows } from '@/lib/db/rows';
import { modelFits } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { calibrationAndHoldout } from './holdout';
import { holdoutCheck, type HoldoutCheck } from './holdout-check';

const HOLDOUT_DAYS = 182;
const MIN_HOLDOUT_DAYS = 28;

/**
 * Fits BG/NBD on all but the last (up to) 26 weeks of orders, compares its predictions for those weeks with what
 * customers bought, and attaches the result to the workspace's newest BG/NBD fit. A diagnostic run after a
 * recompute has committed: customer figures never wait for it.
 */
export async function recordHoldoutCheck(tenant: Tenant): Promise<HoldoutCheck | null> {
  return withTenant(tenant, async (tx) => {
    await useAnalyticalSettings(tx);
    const [span] = await queryRows<{ as_of: string | null; first_day: string | null }>(
      tx,
      sql`select max(ordered_at)::date::text as as_of, min(ordered_at)::date::text as first_day from orders where org_id = ${tenant.orgId}`,
    );
    if (!span.as_of || !span.first_day) return null;
    const spanDays = (Date.parse(span.as_of) - Date.parse(span.first_day)) / 86_400_000;
    const holdoutDays = Math.min(HOLDOUT_DAYS, Math.floor(spanDays / 2));
    if (holdoutDays < MIN_HOLDOUT_DAYS) return null;
    const cutoff = new Date(Date.parse(span.as_of) - holdoutDays * 86_400_000).toISOString().slice(0, 10);
    const check = holdoutCheck(await calibrationAndHoldout(tx, tenant.orgId, cutoff, span.as_of), cutoff, holdoutDays);
    const [latest] = await tx
      .select({ id: modelFits.id })
      .from(modelFits)
      .where(and(eq(modelFits.orgId, tenant.orgId), eq(modelFits.model, 'bgnbd')))
      .orderBy(desc(modelFits.fittedAt), desc(modelFits.id))
      .limit(1);
    if (latest) {
      await tx
        .update(modelFits)
        .set({ holdout: check })
        .where(and(eq(modelFits.orgId, tenant.orgId), eq(modelFits.id, latest.id)));
    }
    return check;
  });
}
