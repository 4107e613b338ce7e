import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { useAnalyticalSettings } from '@/lib/db/analytics';
import { queryRows } from '@/lib/db/rows';
import { modelFits } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { fallbackColumnsNeeded, fitValueModels, predictCustomerValue } from '@/lib/models/customer-predictions';
import type { ProgressReporter } from '@/lib/jobs/worker';
import { stageBuyerAggregates } from './aggregates';
import { STAGE, stageCustomerAggregates } from './customer-stage';
import { workspaceSegmentScheme } from './segment-scheme-store';
import { valueEngineSettings } from './settings';
import { loadFallbackColumns, loadRepeatPurchaseColumns, writeCustomerMetrics } from './value-columns';

export type RecomputeSummary = {
  customers: number;
  buyers: number;
  asOf: string | null;
  method: string;
  fitMs: number;
  totalMs: number;
  /** Milliseconds per step, for the job's record and the benchmark. */
  steps: Record<string, number>;
};

export async function dataSpan(tx: Database): Promise<{ asOf: string | null; firstDay: string | null; customers: number }> {
  const [row] = await queryRows<{ as_of: string | null; first_day: string | null; customers: number }>(
    tx,
    sql`select max(as_of)::text as as_of, min(first_order_at)::date::text as first_day, count(*)::int as customers
        from ${STAGE}`,
  );
  return { asOf: row.as_of, firstDay: row.first_day, customers: row.customers };
}

/**
 * Recomputes every customer's metrics, RFM scores, model fits and predictions in one transaction:
 * readers see the previous figures until the new ones are complete.
 */
export async function recomputeCustomerValue(tenant: Tenant, reportProgress: ProgressReporter = async () => {}): Promise<RecomputeSummary> {
  const started = Date.now();
  const steps: Record<string, number> = {};
  let stepStarted = Date.now();
  const endStep = (name: string) => {
    steps[name] = Date.now() - stepStarted;
    stepStarted = Date.now();
  };
  return withTenant(tenant, async (tx) => {
    const orgId = tenant.orgId;
    await useAnalyticalSettings(tx);
    const settings = await valueEngineSettings(tx, orgId);
    const scheme = await workspaceSegmentScheme(tx, orgId);

    await reportProgress('Aggregating orders per customer', 0.05);
    await stageBuyerAggregates(tx, orgId, settings);
    endStep('aggregates');
    const columns = await loadRepeatPurchaseColumns(tx);
    const buyers = columns.frequency.length;
    endStep('loadColumns');

    await reportProgress('Scoring RFM and fitting BG/NBD and Gamma-Gamma', 0.5);
    // The server stages every customer with RFM scores while the models fit here.
    const staging = await stageCustomerAggregates(tx, orgId, settings, scheme.segments);
    const fits = fitValueModels(columns);
    endStep('fits');
    await staging.done;
    const span = await dataSpan(tx);
    // What the RFM staging took beyond the fits it ran alongside.
    endStep('rfm');

    await reportProgress('Predicting purchases, P(alive) and CLV', 0.65);
    const options = {
      horizonMonths: settings.clvHorizonMonths,
      monthlyDiscountRate: settings.monthlyDiscountRate,
      basis: settings.clvBasis,
    };
    const fallback = await loadFallbackColumns(tx, fallbackColumnsNeeded(fits, options));
    const predictions = predictCustomerValue({ ...columns, ...fallback }, fits, options);
    endStep('predict');
    await writeCustomerMetrics(tx, orgId, predictions);
    endStep('write');

    const dataCutoff = span.asOf ?? new Date().toISOString().slice(0, 10);
    const fitRow = (model: 'bgnbd' | 'gamma_gamma', fit: typeof fits.bgnbd | typeof fits.gammaGamma, customers: number) => ({
      orgId,
      model,
      params: { ...fit.params },
      logLikelihood: finiteOrNull(fit.logLikelihood),
      converged: fit.converged,
      iterations: fit.iterations,
      failure: fit.failure ?? null,
      customers,
      dataCutoff,
    });
    await tx
      .insert(modelFits)
      .values([fitRow('bgnbd', fits.bgnbd, buyers), fitRow('gamma_gamma', fits.gammaGamma, fits.gammaGamma.customersUsed)]);
    return {
      customers: span.customers,
      buyers,
      asOf: span.asOf,
      method: predictions.method,
      fitMs: steps.fits,
      totalMs: Date.now() - started,
      steps,
    };
  });
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
