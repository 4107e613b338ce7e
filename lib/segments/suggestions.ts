import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { suggestSegments, type SegmentSuggestions } from './clustering/suggest-segments';

// Same seed on every run: a suggestion picked on the page is the same cluster when the action saves it.
const SUGGESTION_SEED = 20261123;

type Cached = { version: string; suggestions: SegmentSuggestions };
const cache = new Map<string, Cached>();

/**
 * k-means suggestions on the workspace's customers with metrics, cached until the next recompute (the latest
 * model fit identifies the data they were computed on).
 */
export async function suggestionsForWorkspace(tenant: Tenant): Promise<SegmentSuggestions & { version: string }> {
  return withTenant(tenant, async (tx) => {
    const [fit] = await queryRows<{ version: string | null }>(
      tx,
      sql`select max(fitted_at)::text || ':' || count(*)::text as version from model_fits where org_id = ${tenant.orgId}`,
    );
    const version = fit.version ?? 'none';
    const cached = cache.get(tenant.orgId);
    if (cached?.version === version) return { ...cached.suggestions, version };
    const points = await queryRows<{ customer_id: number; recency_days: number; frequency: number; monetary: number; predicted_clv: number }>(
      tx,
      sql`select customer_id::int as customer_id, recency_days, purchase_days as frequency, revenue::float8 as monetary,
                 predicted_clv::float8 as predicted_clv
          from customer_metrics
          where org_id = ${tenant.orgId} and recency_days is not null and predicted_clv is not null
          order by customer_id`,
    );
    const suggestions = suggestSegments(
      points.map((p) => ({
        customerId: Number(p.customer_id),
        recencyDays: Number(p.recency_days),
        frequency: Number(p.frequency),
        monetary: Number(p.monetary),
        predictedClv: Number(p.predicted_clv),
      })),
      { seed: SUGGESTION_SEED },
    );
    cache.set(tenant.orgId, { version, suggestions });
    return { ...suggestions, version };
  });
}
