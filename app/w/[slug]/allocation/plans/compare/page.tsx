import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { formatCurrency, formatDateTime } from '@/lib/format';
import { idParam } from '@/lib/id-param';
import { findPlan, type SavedPlan } from '@/lib/valuation-report/allocation-plans';
import { compareAllocationPlans } from '@/lib/valuation/plan-comparison';

export const metadata: Metadata = { title: 'Compare plans' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function ComparePlansPage({ params, searchParams }: PageProps<'/w/[slug]/allocation/plans/compare'>) {
  const { slug } = await params;
  const { tenant } = await requireMember(slug);
  const query = await searchParams;
  const [idA, idB] = [idParam(first(query.a)), idParam(first(query.b))];
  const [a, b] = await Promise.all([idA ? findPlan(tenant, idA) : null, idB ? findPlan(tenant, idB) : null]);
  const base = `/w/${slug}/allocation`;
  const header = <PageHeader title="Compare plans" actions={<ButtonLink href={base} variant="secondary">Planner</ButtonLink>} />;
  if (!a || !b) {
    return (
      <>
        {header}
        <EmptyState title="Choose two saved plans">
          <p>
            One of the plans could not be found in this workspace. <Link href={base} className="font-medium text-indigo-700">Pick two from the list</Link>.
          </p>
        </EmptyState>
      </>
    );
  }
  const comparison = compareAllocationPlans(a.plan.optimal, b.plan.optimal);
  const currency = a.plan.currency;
  const money = (amount: number) => formatCurrency(amount, currency, { compact: true });
  const signed = (amount: number) => `${amount > 0 ? '+' : amount < 0 ? '−' : ''}${money(Math.abs(amount))}`;
  const nameOf = (segmentId: string) => a.plan.segments[segmentId]?.name ?? b.plan.segments[segmentId]?.name ?? segmentId;
  const describe = (plan: SavedPlan) => `${plan.author ?? 'a former member'}, ${formatDateTime(plan.createdAt)} · budget ${money(plan.budget)}`;

  return (
    <>
      {header}
      <dl className="mb-6 grid gap-4 md:grid-cols-2">
        {[a, b].map((plan, index) => (
          <div key={index} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
            <dt className="text-sm text-gray-600">{index === 0 ? 'Base' : 'Compared'}</dt>
            <dd className="font-semibold text-gray-900">
              <Link href={`${base}/plans/${plan.id}`} className="hover:text-indigo-600">{plan.name}</Link>
            </dd>
            <dd className="text-xs text-gray-600">{describe(plan)}</dd>
          </div>
        ))}
      </dl>
      <Card title="Spend and expected margin per segment" description={`“${b.name}” minus “${a.name}”`}>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="plan-comparison">
            <thead className="text-left text-gray-900">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Segment</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Spend, {a.name}</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Spend, {b.name}</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Spend change</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Margin, {a.name}</th>
                <th scope="col" className="py-2 pr-4 text-right font-semibold">Margin, {b.name}</th>
                <th scope="col" className="py-2 text-right font-semibold">Margin change</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {[...comparison.segments.map((row) => ({ ...row, label: nameOf(row.segmentId) })), { ...comparison.totals, label: 'Total' }].map((row) => (
                <tr key={row.label} className={row.label === 'Total' ? 'font-semibold' : ''}>
                  <th scope="row" className="py-2 pr-4 text-left font-medium">{row.label}</th>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(row.base.spend)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(row.candidate.spend)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{signed(row.spendDelta)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(row.base.margin)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(row.candidate.margin)}</td>
                  <td className={`py-2 text-right tabular-nums ${row.marginDelta > 0 ? 'text-emerald-700' : row.marginDelta < 0 ? 'text-rose-700' : ''}`}>
                    {signed(row.marginDelta)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
