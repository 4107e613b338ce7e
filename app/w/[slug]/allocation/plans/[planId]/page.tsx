import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buttonClass, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { AllocationResult } from '@/components/valuation/allocation-result';
import { requireMember } from '@/lib/auth/gate';
import { formatCurrency, formatDate, formatDateTime, formatPercent } from '@/lib/format';
import { idParam } from '@/lib/id-param';
import { findPlan } from '@/lib/valuation-report/allocation-plans';
import { SEGMENT_ACTIONS } from '@/lib/valuation/recommended-action';

export const metadata: Metadata = { title: 'Allocation plan' };

export default async function AllocationPlanPage({ params }: PageProps<'/w/[slug]/allocation/plans/[planId]'>) {
  const { slug, planId } = await params;
  const { tenant } = await requireMember(slug);
  const id = idParam(planId);
  const saved = id ? await findPlan(tenant, id) : null;
  if (!saved) notFound();
  const { plan, inputs } = saved;
  const currency = plan.currency;
  const notes = Object.fromEntries(
    Object.entries(plan.segments).map(([key, note]) => [key, { name: note.name, recommendedLabel: note.recommendedLabel, reason: note.reason }]),
  );
  const actions = Object.fromEntries(inputs.segments.map((row) => [row.segmentId, row.action]));
  const base = `/w/${slug}/allocation`;

  return (
    <>
      <PageHeader
        title={saved.name}
        description={`Saved by ${saved.author ?? 'a former member'} on ${formatDateTime(saved.createdAt)} · budget ${formatCurrency(inputs.budget, currency)} · figures as of ${formatDate(plan.asOf)}`}
        actions={
          <>
            <a href={`${base}/export?plan=${saved.id}`} className={buttonClass('secondary')} download>
              Export CSV
            </a>
            <ButtonLink href={base} variant="secondary">
              Planner
            </ButtonLink>
          </>
        }
      />
      <Card title="Result">
        <AllocationResult plans={plan} notes={notes} actions={actions} currency={currency} />
      </Card>
      <Card className="mt-6" title="Assumptions">
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-gray-900">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Segment</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Action</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Cost per contact</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Response rate</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Margin per response</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Minimum</th>
                <th scope="col" className="py-2 text-right font-semibold">Maximum</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {inputs.segments.map((row) => (
                <tr key={row.segmentId}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">{plan.segments[row.segmentId]?.name ?? row.segmentId}</th>
                  <td className="py-2 pr-4">{SEGMENT_ACTIONS[row.action].label}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatCurrency(row.costPerContact, currency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(row.upliftRate, 2)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatCurrency(row.valuePerResponse, currency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{row.minSpend === null ? '—' : formatCurrency(row.minSpend, currency)}</td>
                  <td className="py-2 text-right tabular-nums">{row.maxSpend === null ? '—' : formatCurrency(row.maxSpend, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
