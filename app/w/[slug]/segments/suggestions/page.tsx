import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { formatCurrency, formatNumber, formatPercent } from '@/lib/format';
import { describeRule } from '@/lib/segments/describe-rule';
import { suggestionsForWorkspace } from '@/lib/segments/suggestions';
import { saveSuggestedSegmentAction } from '../actions';

export const metadata: Metadata = { title: 'Suggested segments' };

export default async function SuggestionsPage({ params }: PageProps<'/w/[slug]/segments/suggestions'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const canEdit = hasRole(role, 'marketer');
  const suggestions = await suggestionsForWorkspace(tenant);
  const best = suggestions.silhouetteByK.find((entry) => entry.k === suggestions.k);

  return (
    <>
      <PageHeader
        title="Suggested segments"
        description="Groups found by k-means on recency, frequency, spend and predicted CLV (standardised; log scale for the skewed ones), with the number of groups chosen by silhouette."
      />
      {suggestions.k === 0 ? (
        <EmptyState title="No suggestions yet">
          <p>{suggestions.reason}</p>
        </EmptyState>
      ) : (
        <>
          <p className="mb-6 text-sm text-gray-700" data-testid="suggestion-summary">
            {suggestions.k} groups (silhouette {best?.silhouette.toFixed(2)}; tried{' '}
            {suggestions.silhouetteByK.map((entry) => `k=${entry.k}: ${entry.silhouette.toFixed(2)}`).join(', ')}).
          </p>
          <div className="grid gap-6 lg:grid-cols-2">
            {suggestions.clusters.map((cluster) => (
              <Card
                key={cluster.index}
                title={cluster.name}
                description={`${cluster.description} · ${formatNumber(cluster.size)} customers (${formatPercent(cluster.share)})`}
              >
                <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                  <dt className="text-gray-500">Median days since last purchase</dt>
                  <dd className="text-right tabular-nums">{formatNumber(cluster.medians.recencyDays)}</dd>
                  <dt className="text-gray-500">Median purchase days</dt>
                  <dd className="text-right tabular-nums">{formatNumber(cluster.medians.frequency)}</dd>
                  <dt className="text-gray-500">Median revenue</dt>
                  <dd className="text-right tabular-nums">{formatCurrency(cluster.medians.monetary, workspace.currency)}</dd>
                  <dt className="text-gray-500">Median predicted CLV</dt>
                  <dd className="text-right tabular-nums">{formatCurrency(cluster.medians.predictedClv, workspace.currency)}</dd>
                </dl>
                <div className="mt-4 text-sm">
                  <p className="font-medium text-gray-900">As a rule</p>
                  <ul className="mt-1 list-disc pl-5 text-gray-700">
                    {describeRule(cluster.approximateRule).slice(1).map((line, i) => (
                      <li key={i}>{line.text}</li>
                    ))}
                  </ul>
                  <p className="mt-1 text-xs text-gray-500">
                    The rule finds {formatPercent(cluster.ruleAgreement.recall, 0)} of the group; {formatPercent(cluster.ruleAgreement.precision, 0)} of
                    those it matches are in the group.
                  </p>
                </div>
                {canEdit && (
                  <ActionForm
                    action={saveSuggestedSegmentAction.bind(null, slug)}
                    submitLabel="Save as segment"
                    pendingLabel="Saving…"
                    variant="secondary"
                    className="mt-4 flex flex-wrap items-end gap-3"
                  >
                    <input type="hidden" name="cluster" value={cluster.index} />
                    <input type="hidden" name="k" value={suggestions.k} />
                    <Field label="Name" name="name" id={`suggestion-name-${cluster.index}`} defaultValue={cluster.name} className="w-56" />
                    <input type="hidden" name="description" value={`Suggested by clustering: ${cluster.description}.`} />
                    <fieldset className="text-sm">
                      <legend className="font-medium text-gray-900">Save as</legend>
                      <label className="mr-3 inline-flex items-center gap-1">
                        <input type="radio" name="as" value="rule" defaultChecked /> rule (stays fresh)
                      </label>
                      <label className="inline-flex items-center gap-1">
                        <input type="radio" name="as" value="static" /> static list
                      </label>
                    </fieldset>
                  </ActionForm>
                )}
              </Card>
            ))}
          </div>
        </>
      )}
    </>
  );
}
