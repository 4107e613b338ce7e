import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { modelFits } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { fitValueModels, predictCustomerValue } from '@/lib/models/customer-predictions';
import type { ProgressReporter } from '@/lib/jobs/worker';
import { refreshCustomerAggregates } from './aggregates';
import { calibrationAndHoldout } from './holdout';
import { holdoutCheck } from './holdout-check';
import { scoreRfm } from './rfm-scores';
import { valueEngineSettings } from './settings';
import { loadValueColumns, writePredictions } from './value-columns';

export type RecomputeSummary = {
  customers: number;
  buyers: number;
  asOf: string | null;
  method: string;
  fitMs: number;
  totalMs: number;
};

const HOLDOUT_DAYS = 182;

async function dataSpan(tx: Database, orgId: string): Promise<{ asOf: string | null; firstDay: string | null; customers: number }> {
  const [row] = await queryRows<{ as_of: string | null; first_day: string | null; customers: number }>(
    tx,
    sql`select max(as_of)::text as as_of, min(first_order_at)::date::text as first_day, count(*)::int as customers
        from customer_metrics where org_id = ${orgId}`,
  );
  return { asOf: row.as_of, firstDay: row.first_day, customers: row.customers };
}

/**
 * Recomputes every customer's metrics, RFM scores, model fits and predictions in one transaction:
 * readers see the previous figures until the new ones are complete.
 */
export async function recomputeCustomerValue(tenant: Tenant, reportProgress: ProgressReporter = async () => {}): Promise<RecomputeSummary> {
  const started = Date.now();
  return withTenant(tenant, async (tx) => {
    const orgId = tenant.orgId;
    const settings = await valueEngineSettings(tx, orgId);

    await reportProgress('Aggregating orders per customer', 0.05);
    await refreshCustomerAggregates(tx, orgId, settings);
    await reportProgress('Scoring recency, frequency and monetary value', 0.35);
    await scoreRfm(tx, orgId, settings.rfmBins);

    await reportProgress('Fitting BG/NBD and Gamma-Gamma', 0.5);
    const { customerIds, columns } = await loadValueColumns(tx, orgId);
    const span = await dataSpan(tx, orgId);
    const fitStarted = Date.now();
    const fits = fitValueModels(columns);
    const fitMs = Date.now() - fitStarted;

    await reportProgress('Predicting purchases, P(alive) and CLV', 0.65);
    const predictions = predictCustomerValue(columns, fits, {
      horizonMonths: settings.clvHorizonMonths,
      monthlyDiscountRate: settings.monthlyDiscountRate,
      basis: settings.clvBasis,
    });
    await writePredictions(tx, orgId, customerIds, predictions);

    await reportProgress('Checking predictions against a holdout period', 0.85);
    let holdout = null;
    if (span.asOf && span.firstDay) {
      const spanDays = (Date.parse(span.asOf) - Date.parse(span.firstDay)) / 86_400_000;
      const holdoutDays = Math.min(HOLDOUT_DAYS, Math.floor(spanDays / 2));
      if (holdoutDays >= 28) {
        const cutoff = new Date(Date.parse(span.asOf) - holdoutDays * 86_400_000).toISOString().slice(0, 10);
        holdout = holdoutCheck(await calibrationAndHoldout(tx, orgId, cutoff, span.asOf), cutoff, holdoutDays);
      }
    }

    const dataCutoff = span.asOf ?? new Date().toISOString().slice(0, 10);
    await tx.insert(modelFits).values([
      {
        orgId,
        model: 'bgnbd',
        params: { ...fits.bgnbd.params },
        logLikelihood: finiteOrNull(fits.bgnbd.logLikelihood),
        converged: fits.bgnbd.converged,
        iterations: fits.bgnbd.iterations,
        failure: fits.bgnbd.failure ?? null,
        customers: customerIds.length,
        dataCutoff,
        holdout,
      },
      {
        orgId,
        model: 'gamma_gamma',
        params: { ...fits.gammaGamma.params },
        logLikelihood: finiteOrNull(fits.gammaGamma.logLikelihood),
        converged: fits.gammaGamma.converged,
        iterations: fits.gammaGamma.iterations,
        failure: fits.gammaGamma.failure ?? null,
        customers: fits.gammaGamma.customersUsed,
        dataCutoff,
      },
    ]);
    await reportProgress('Done', 1);
    return {
      customers: span.customers,
      buyers: customerIds.length,
      asOf: span.asOf,
      method: predictions.method,
      fitMs,
      totalMs: Date.now() - started,
    };
  });
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
