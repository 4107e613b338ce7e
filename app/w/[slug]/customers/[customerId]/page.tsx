import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { idParam } from '@/lib/id-param';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getCustomer } from '@/lib/customers/queries';
import { customerValue } from '@/lib/metrics/queries';
import { churnRiskBand } from '@/lib/models/clv';
import { formatCurrency, formatDate, formatNumber, formatPercent } from '@/lib/format';
import { deleteCustomerAction } from './actions';
import { DeleteCustomerForm } from './delete-customer-form';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: PageProps<'/w/[slug]/customers/[customerId]'>) {
  const { slug, customerId } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const id = idParam(customerId);
  if (!id) notFound();
  const found = await getCustomer(tenant, id);
  if (!found) notFound();
  const { customer, summary, orders } = found;
  const currency = workspace.currency;
  const value = await customerValue(tenant, id);
  const churnRisk = value?.probabilityAlive == null ? null : 1 - value.probabilityAlive;

  const profile: [string, string | number | null][] = [
    ['Customer ID', customer.externalId],
    ['Email', customer.email],
    ['Signed up', customer.signupDate ? formatDate(customer.signupDate) : null],
    ['Country / region', [customer.country, customer.region].filter(Boolean).join(' / ') || null],
    ['Gender', customer.gender],
    ['Birth year', customer.birthYear],
    ['Income band', customer.incomeBand],
    ['Education', customer.education],
    ['Acquisition channel', customer.acquisitionChannel],
    ['Marketing consent', customer.marketingConsent ? 'Yes' : 'No'],
    ...Object.entries(customer.attributes ?? {}),
  ];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/w/${slug}/customers`} className="text-indigo-600 hover:text-indigo-500">
          ← Customers
        </Link>
      </nav>
      <PageHeader title={customer.name ?? customer.externalId} description={customer.email ?? undefined} />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Orders" value={formatNumber(summary.orders)} />
        <Stat label="Revenue" value={formatCurrency(summary.revenue, currency)} />
        <Stat
          label="Gross margin"
          value={formatCurrency(summary.margin, currency)}
          detail={summary.ordersWithoutCost ? `${formatNumber(summary.ordersWithoutCost)} orders without cost excluded` : undefined}
        />
        <Stat label="Last order" value={formatDate(summary.lastOrderAt)} detail={`First: ${formatDate(summary.firstOrderAt)}`} />
      </dl>
      <Card
        title="Value"
        description={value ? `As of ${value.asOf}. Predicted CLV covers the workspace's CLV horizon, discounted.` : undefined}
        className="mt-6"
      >
        {!value ? (
          <p className="text-sm text-gray-600">Customer value has not been computed for this customer yet: it will be with the next recompute.</p>
        ) : value.orders === 0 ? (
          <p className="text-sm text-gray-600">No orders yet: RFM scores and predictions start with the first purchase.</p>
        ) : (
          <dl className="grid grid-cols-2 gap-4 text-sm md:grid-cols-4 xl:grid-cols-7">
            <ValueFigure label="RFM segment" value={value.rfmSegment ?? '—'} detail={`R ${value.recencyScore} · F ${value.frequencyScore} · M ${value.monetaryScore}`} />
            <ValueFigure label="Predicted CLV" value={value.predictedClv == null ? '—' : formatCurrency(value.predictedClv, currency)} />
            <ValueFigure label="Historical CLV" value={formatCurrency(value.historicalClv, currency)} detail="To date" />
            <ValueFigure label="P(alive)" value={value.probabilityAlive == null ? '—' : formatPercent(value.probabilityAlive)} />
            <ValueFigure
              label="Churn risk"
              value={churnRisk == null ? '—' : `${formatPercent(churnRisk)} · ${churnRiskBand(churnRisk)}`}
              detail={value.repeatPurchases === 0 ? 'One purchase so far: the model assumes no churn before a second' : undefined}
            />
            <ValueFigure
              label="Revenue, last 12 months"
              value={formatCurrency(value.revenueLast365Days, currency)}
              detail={twelveMonthTrend(value.revenueLast365Days, value.revenuePrevious365Days)}
            />
            <ValueFigure
              label="Expected purchases, next 90 days"
              value={value.expectedPurchases90Days == null ? '—' : formatNumber(value.expectedPurchases90Days, 2)}
            />
          </dl>
        )}
      </Card>
      <div className="mt-6 grid gap-6 xl:grid-cols-3">
        <Card title="Profile">
          <dl className="space-y-2 text-sm">
            {profile.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-gray-500">{label}</dt>
                <dd className="text-right text-gray-900">{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card
          title="Order history"
          description={
            summary.orders > orders.length
              ? `The newest ${formatNumber(orders.length)} of ${formatNumber(summary.orders)} orders`
              : `${formatNumber(summary.orders)} orders, newest first`
          }
          className="xl:col-span-2"
        >
          {orders.length === 0 ? (
            <p className="text-sm text-gray-600">This customer has no orders yet.</p>
          ) : (
            <div className="max-h-[32rem] overflow-auto">
              <table className="min-w-full text-sm">
                <thead className="sticky top-0 bg-white text-left text-gray-900">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-semibold">Date</th>
                    <th scope="col" className="py-2 pr-4 font-semibold">Order</th>
                    <th scope="col" className="py-2 pr-4 font-semibold">Category</th>
                    <th scope="col" className="py-2 pr-4 font-semibold">Channel</th>
                    <th scope="col" className="py-2 pr-4 text-right font-semibold">Revenue</th>
                    <th scope="col" className="py-2 text-right font-semibold">Cost</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {orders.map((order) => (
                    <tr key={order.externalId}>
                      <td className="py-2 pr-4 tabular-nums">{formatDate(order.orderedAt)}</td>
                      <td className="py-2 pr-4 font-mono text-xs">{order.externalId}</td>
                      <td className="py-2 pr-4">{order.productCategory ?? '—'}</td>
                      <td className="py-2 pr-4">{order.channel ?? '—'}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{formatCurrency(order.revenue, order.currency ?? currency)}</td>
                      <td className="py-2 text-right tabular-nums">
                        {order.cost === null ? '—' : formatCurrency(order.cost, order.currency ?? currency)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
      {hasRole(role, 'marketer') && (
        <Card title="Delete customer" description="Right to be forgotten: removes this customer and their orders." className="mt-6">
          <DeleteCustomerForm
            customerId={id}
            customerLabel={customer.name ?? customer.externalId}
            orders={summary.orders}
            action={deleteCustomerAction.bind(null, slug)}
          />
        </Card>
      )}
    </>
  );
}

function ValueFigure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div>
      <dt className="text-gray-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-gray-900" data-value={label}>
        {value}
      </dd>
      {detail && <dd className="text-xs text-gray-500">{detail}</dd>}
    </div>
  );
}

function twelveMonthTrend(last: number, previous: number): string {
  if (previous <= 0) return last > 0 ? 'Nothing in the 12 months before' : 'No revenue in two years';
  const change = (last - previous) / previous;
  return `${change >= 0 ? '+' : ''}${formatPercent(change)} on the 12 months before`;
}
