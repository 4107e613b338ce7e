import type { Metadata } from 'next';
import { BarChartFigure } from '@/components/charts/bar-chart-figure';
import { ButtonLink } from '@/components/ui/button';
import { Card, Stat } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { formatCurrency, formatMonth, formatNumber, formatPercent } from '@/lib/format';
import { monthlyActivity, overviewTotals } from '@/lib/overview/queries';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: PageProps<'/w/[slug]/overview'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const [totals, months] = await Promise.all([overviewTotals(tenant), monthlyActivity(tenant, 24)]);
  const currency = workspace.currency;

  if (totals.customers === 0 && totals.orders === 0) {
    return (
      <>
        <PageHeader title="Overview" />
        <EmptyState
          title="No customers yet"
          action={role !== 'viewer' ? <ButtonLink href={`/w/${slug}/imports`}>Import customers and orders</ButtonLink> : undefined}
        >
          <p>
            {workspace.name} has no data. Import your customers and orders as CSV exports from your shop, payment
            provider or CRM; Segmenta then computes RFM scores, customer lifetime value and segment valuations.
          </p>
          {role === 'viewer' && <p className="mt-2">Ask an admin or marketer of this workspace to import the data.</p>}
        </EmptyState>
      </>
    );
  }

  const chartData = months.map((m) => ({
    month: formatMonth(m.month),
    Revenue: m.revenue,
    'New customers': m.newCustomers,
    'Returning customers': m.returningCustomers,
  }));
  const aov = totals.orders ? totals.revenue / totals.orders : 0;
  const repeatBuyers = months.reduce((sum, m) => sum + m.returningCustomers, 0);
  const activeBuyers = months.reduce((sum, m) => sum + m.newCustomers + m.returningCustomers, 0);

  return (
    <>
      <PageHeader title="Overview" description={`${workspace.name} · all figures in ${currency}`} />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Customers" value={formatNumber(totals.customers)} detail={`${formatNumber(totals.buyers)} with orders`} />
        <Stat label="Orders" value={formatNumber(totals.orders)} />
        <Stat label="Revenue" value={formatCurrency(totals.revenue, currency, { compact: true })} detail="All time" />
        <Stat label="Average order value" value={formatCurrency(aov, currency)} />
      </dl>
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <Card title="Revenue by month" description="Last 24 months, UTC calendar months">
          <BarChartFigure
            label="Revenue by month"
            data={chartData}
            index="month"
            categories={['Revenue']}
            colors={['indigo']}
            valueFormat="currency"
            currency={currency}
          />
        </Card>
        <Card
          title="New vs returning customers"
          description={
            activeBuyers
              ? `Buyers per month; ${formatPercent(repeatBuyers / activeBuyers)} of monthly buyers were returning customers`
              : 'Buyers per month'
          }
        >
          <BarChartFigure
            label="New vs returning customers"
            data={chartData}
            index="month"
            categories={['New customers', 'Returning customers']}
            colors={['emerald', 'sky']}
            valueFormat="number"
            stack
          />
        </Card>
      </div>
    </>
  );
}
