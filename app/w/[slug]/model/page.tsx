import type { Metadata } from 'next';
import { BarChartFigure } from '@/components/charts/bar-chart-figure';
import { RecomputeControl } from '@/components/jobs/recompute-control';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { latestJobStatus } from '@/lib/jobs/status';
import { latestModelFits, metricsAsOf, type ModelFit } from '@/lib/metrics/queries';
import { valueEngineSettings } from '@/lib/metrics/settings';
import { recomputeAction } from './actions';

export const metadata: Metadata = { title: 'CLV model' };

const failureExplanations: Record<string, string> = {
  'no-data': 'There are no buyers to fit on.',
  'no-repeat-customers': 'Nobody has bought on two different days yet, so repeat behaviour cannot be estimated.',
  'not-identified': 'The data cannot pin the parameters down (usually too few repeat buyers).',
  'did-not-converge': 'The fit did not settle within its iteration limit.',
};

function FitCard({ title, fit, parameters }: { title: string; fit: ModelFit | null; parameters: [string, string][] }) {
  if (!fit) return null;
  return (
    <Card title={title} description={fit.converged ? 'Converged' : 'Not usable'}>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
        {parameters.map(([key, label]) => (
          <div key={key} className="flex justify-between gap-2">
            <dt className="text-gray-500">{label}</dt>
            <dd className="font-mono tabular-nums" data-param={`${fit.model}.${key}`}>
              {fit.params[key]?.toPrecision(4) ?? '—'}
            </dd>
          </div>
        ))}
        <div className="flex justify-between gap-2">
          <dt className="text-gray-500">Log-likelihood</dt>
          <dd className="font-mono tabular-nums">{fit.logLikelihood?.toFixed(1) ?? '—'}</dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt className="text-gray-500">Iterations</dt>
          <dd className="tabular-nums">{fit.iterations}</dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt className="text-gray-500">Customers fitted</dt>
          <dd className="tabular-nums">{formatNumber(fit.customers)}</dd>
        </div>
        <div className="flex justify-between gap-2">
          <dt className="text-gray-500">Fitted</dt>
          <dd>{formatDate(fit.fittedAt)}</dd>
        </div>
      </dl>
      {!fit.converged && (
        <p role="alert" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {failureExplanations[fit.failure ?? 'did-not-converge']} Predictions fall back to historical figures until the fit succeeds.
        </p>
      )}
    </Card>
  );
}

export default async function ModelPage({ params }: PageProps<'/w/[slug]/model'>) {
  const { slug } = await params;
  const { tenant, role } = await requireMember(slug);
  const [fits, asOf, job, settings] = await Promise.all([
    latestModelFits(tenant),
    metricsAsOf(tenant),
    latestJobStatus(tenant, 'recompute'),
    getDb().then((db) => valueEngineSettings(db, tenant.orgId)),
  ]);
  const holdout = fits.bgnbd?.holdout ?? null;

  return (
    <>
      <PageHeader
        title="CLV model"
        description={`BG/NBD predicts each customer's future purchases and P(alive); Gamma-Gamma their spend per purchase. CLV covers ${settings.clvHorizonMonths} months on ${settings.clvBasis}, discounted at ${formatPercent(settings.monthlyDiscountRate)} a month.`}
      />
      <RecomputeControl job={job} asOf={asOf} canRecompute={hasRole(role, 'marketer')} action={recomputeAction.bind(null, slug)} />
      {!fits.bgnbd ? (
        <div className="mt-6">
          <EmptyState title="No model fitted yet">
            <p>The models are fitted when customer value is computed, after data is imported.</p>
          </EmptyState>
        </div>
      ) : (
        <div className="mt-6 grid gap-6 xl:grid-cols-2">
          <FitCard
            title="BG/NBD (purchases and P(alive))"
            fit={fits.bgnbd}
            parameters={[['r', 'r'], ['alpha', 'α (days)'], ['a', 'a'], ['b', 'b']]}
          />
          <FitCard title="Gamma-Gamma (spend per purchase)" fit={fits.gammaGamma} parameters={[['p', 'p'], ['q', 'q'], ['gamma', 'γ']]} />
          <Card
            title="Holdout check: can you trust the predictions?"
            description={
              holdout
                ? `Fitted on orders up to ${holdout.cutoff}, then asked to predict the next ${holdout.holdoutDays} days: mean repeat purchases per customer, by repeat purchases before the cut-off.`
                : undefined
            }
            className="xl:col-span-2"
          >
            {holdout ? (
              <>
                <p className="mb-4 text-sm text-gray-700" data-holdout-error={holdout.aggregateError}>
                  Over all {formatNumber(holdout.buckets.reduce((s, b) => s + b.customers, 0))} customers the model predicted{' '}
                  <strong>{formatNumber(holdout.predictedTotal, 0)}</strong> repeat purchases against{' '}
                  <strong>{formatNumber(holdout.actualTotal, 0)}</strong> actual:{' '}
                  <strong>
                    {holdout.aggregateError >= 0 ? '+' : ''}
                    {formatPercent(holdout.aggregateError)}
                  </strong>
                  . {Math.abs(holdout.aggregateError) <= 0.15 ? 'Close enough to plan with.' : 'Treat individual predictions with care.'}
                </p>
                <BarChartFigure
                  label="Holdout: actual vs predicted"
                  valueFormat="decimal"
                  index="bucket"
                  categories={['Actual', 'Predicted']}
                  colors={['gray', 'indigo']}
                  data={holdout.buckets.map((b) => ({ bucket: `${b.label} (${b.customers})`, Actual: b.actual, Predicted: b.predicted }))}
                />
              </>
            ) : (
              <p className="text-sm text-gray-600">The history is too short for a holdout check (it needs at least 8 weeks of orders).</p>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
