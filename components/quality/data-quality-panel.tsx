import { Card } from '@/components/ui/card';
import { formatCurrency, formatDate, formatNumber } from '@/lib/format';
import type { DataQualityReport, QualityCheck, QualityCheckId, QualityExample } from '@/lib/quality/queries';

const checkCopy: Record<QualityCheckId, { title: string; why: string }> = {
  missingEmail: {
    title: 'Customers without an email',
    why: 'They cannot be reached by email campaigns, and cannot be matched with the same person imported from another source.',
  },
  duplicateEmails: {
    title: 'Customers sharing an email',
    why: 'One person under several customer IDs inflates customer counts and splits their orders, frequency and CLV between records.',
  },
  zeroRevenueOrders: {
    title: 'Orders with zero revenue',
    why: 'Free or mis-priced orders count as purchases, raising frequency while lowering average order value.',
  },
  refundOrders: {
    title: 'Refunds (negative revenue)',
    why: 'Refunds lower monetary value; when they are imported without their original order, a customer’s revenue can turn negative.',
  },
  futureOrders: {
    title: 'Orders dated in the future',
    why: 'Usually a date-format mix-up: they distort recency and move the data cut-off of every customer’s figures.',
  },
  customersWithoutOrders: {
    title: 'Customers without orders',
    why: 'They have no RFM scores or predicted CLV, yet count in customer totals; check the orders file uses their IDs.',
  },
  revenueOutliers: {
    title: 'Unusually large orders',
    why: 'Orders above the 99.9th percentile of order value: one typo (10000 for 100.00) can dominate a segment’s revenue and CLV.',
  },
};

function formatExampleValue(check: QualityCheck, value: QualityExample['value'], currency: string): string | null {
  if (check.valueKind === 'none') return null;
  if (check.valueKind === 'money') return formatCurrency(Number(value), currency);
  if (check.valueKind === 'timestamp') return formatDate(String(value));
  return value == null || String(value).trim() === '' ? 'no email' : String(value);
}

function CheckRow({ check, currency }: { check: QualityCheck; currency: string }) {
  const copy = checkCopy[check.id];
  const problem = check.count > 0;
  const shown = check.examples.length;
  return (
    <li className="py-3" data-check={check.id} data-severity={problem ? 'warning' : 'ok'}>
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={`mt-1.5 inline-block h-2.5 w-2.5 shrink-0 rounded-full ${problem ? 'bg-amber-500' : 'bg-emerald-500'}`}
        />
        <div className="min-w-0 flex-1">
          <div className="flex items-baseline justify-between gap-4">
            <h3 className="text-sm font-medium text-gray-900">{copy.title}</h3>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${
                problem ? 'bg-amber-50 text-amber-800 ring-1 ring-amber-200' : 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200'
              }`}
              data-count={check.count}
            >
              <span className="sr-only">{problem ? 'Warning: ' : 'OK: '}</span>
              {formatNumber(check.count)}
            </span>
          </div>
          <p className="mt-0.5 text-xs text-gray-500">{copy.why}</p>
          {problem && shown > 0 && (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-indigo-600 hover:text-indigo-500">
                {shown < check.count ? `First ${shown} of ${formatNumber(check.count)}` : shown === 1 ? 'Show it' : `Show all ${shown}`}
                {check.threshold != null && ` · above ${formatCurrency(check.threshold, currency)}`}
              </summary>
              <ul className="mt-2 space-y-1">
                {check.examples.map((example) => {
                  const value = formatExampleValue(check, example.value, currency);
                  return (
                    <li key={example.externalId} className="flex justify-between gap-4">
                      <span className="font-mono text-xs text-gray-700">
                        {check.entity === 'order' ? 'Order' : 'Customer'} {example.externalId}
                      </span>
                      {value != null && <span className="text-right tabular-nums text-gray-900">{value}</span>}
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
        </div>
      </div>
    </li>
  );
}

/** The workspace's data-quality checks: count, severity, why each matters for segmentation, and examples. */
export function DataQualityPanel({ report, currency }: { report: DataQualityReport; currency: string }) {
  const problems = report.checks.filter((check) => check.count > 0).length;
  return (
    <Card title="Data quality" description="Problems in the imported data that distort segments and customer value.">
      {problems === 0 ? (
        <div role="status" className="text-sm">
          <p className="font-medium text-emerald-800">No problems found.</p>
          <p className="mt-1 text-gray-500">
            Checked: missing and shared emails; zero, negative, future-dated and unusually large orders; customers without orders.
          </p>
        </div>
      ) : (
        <>
          <p className="text-sm text-gray-600">
            {problems === 1 ? '1 check' : `${problems} checks`} of {report.checks.length} found something to look at.
          </p>
          <ul className="mt-2 divide-y divide-gray-100">
            {report.checks.map((check) => (
              <CheckRow key={check.id} check={check} currency={currency} />
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
