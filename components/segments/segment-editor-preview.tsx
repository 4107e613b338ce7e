import { useId, type ReactNode } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { formatCurrency, formatNumber, formatPercent } from '@/lib/format';
import type { SegmentPreview, SegmentSampleCustomer } from '@/lib/segments/compile-rule';
import type { PreviewState } from './preview-scheduler';

export type SegmentEditorPreviewProps = {
  state: PreviewState;
  preview?: SegmentPreview;
  sample?: SegmentSampleCustomer[];
  error?: string;
  currency?: string;
};

function Figure({ label, children, detail }: { label: string; children: ReactNode; detail?: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-gray-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums text-gray-900" data-stat={label}>
        {children}
      </dd>
      {detail && <dd className="text-xs text-gray-500">{detail}</dd>}
    </div>
  );
}

/** Size and value of the customers an unsaved rule matches, with a sample of them. Presentational: pass what a preview run returned. */
export function SegmentEditorPreview({ state, preview, sample, error, currency = 'USD' }: SegmentEditorPreviewProps) {
  const headingId = useId();
  const loading = state === 'loading';
  const showFigures = preview && (state === 'ready' || loading);
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <header className="mb-4 flex items-baseline justify-between gap-4">
        <h2 id={headingId} className="text-base font-semibold text-gray-900">
          Preview
        </h2>
        <p aria-live="polite" className="text-xs text-gray-500">
          {loading && 'Updating…'}
          {state === 'ready' && preview && (
            <span className="sr-only">
              {formatNumber(preview.customers)} {preview.customers === 1 ? 'customer matches' : 'customers match'},{' '}
              {formatPercent(preview.customerShare)} of customers and {formatPercent(preview.revenueShare)} of revenue.
            </span>
          )}
        </p>
      </header>

      <div aria-busy={loading} className={`transition-opacity ${loading && preview ? 'opacity-60' : ''}`}>
        {state === 'error' ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
            {error ?? 'The preview could not be updated.'}
          </p>
        ) : state === 'idle' ? (
          <p className="text-sm text-gray-500">Add conditions to see how many customers match and what they are worth.</p>
        ) : !showFigures ? (
          <div className="space-y-3">
            <span className="sr-only">Loading the preview</span>
            <Skeleton className="h-10 w-32" />
            <Skeleton className="h-24" />
          </div>
        ) : (
          <>
            <dl className="space-y-4">
              <div>
                <dt className="text-sm font-medium text-gray-500">Matching customers</dt>
                <dd className="mt-1 text-4xl font-semibold tracking-tight tabular-nums text-gray-900" data-stat="Matching customers">
                  {formatNumber(preview.customers)}
                </dd>
                <dd className="mt-0.5 text-xs text-gray-500">of {formatNumber(preview.totalCustomers)} customers</dd>
              </div>
              <div className="grid grid-cols-2 gap-4">
                <Figure label="Share of customers">{formatPercent(preview.customerShare)}</Figure>
                <Figure label="Share of revenue">{formatPercent(preview.revenueShare)}</Figure>
                <Figure label="Revenue">{formatCurrency(preview.revenue, currency, { compact: true })}</Figure>
                <Figure label="Average predicted CLV" detail={preview.averagePredictedClv === null ? 'No predictions yet' : undefined}>
                  {preview.averagePredictedClv === null ? '—' : formatCurrency(preview.averagePredictedClv, currency)}
                </Figure>
              </div>
            </dl>
            <SampleCustomers sample={sample ?? []} currency={currency} />
          </>
        )}
      </div>
    </section>
  );
}

const SAMPLE_COLUMNS = [
  { label: 'Customer', numeric: false },
  { label: 'Email', numeric: false },
  { label: 'Country', numeric: false },
  { label: 'Revenue', numeric: true },
  { label: 'Predicted CLV', numeric: true },
];

function SampleCustomers({ sample, currency }: { sample: SegmentSampleCustomer[]; currency: string }) {
  const captionId = useId();
  if (sample.length === 0) {
    return (
      <div className="mt-5 rounded-md border-2 border-dashed border-gray-200 px-4 py-6 text-center">
        <p className="text-sm font-medium text-gray-900">No customers match yet</p>
        <p className="mt-1 text-xs text-gray-500">Loosen a condition, or match any instead of all of them.</p>
      </div>
    );
  }
  const money = (value: number | null) => (value === null ? '—' : formatCurrency(value, currency));
  return (
    // Focusable so keyboard users can scroll the table sideways in a narrow column.
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="mt-5 overflow-x-auto rounded-md ring-1 ring-gray-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
      <table className="min-w-full divide-y divide-gray-200 text-sm">
        <caption id={captionId} className="px-3 py-2 text-left text-xs font-medium text-gray-500">
          {sample.length === 1 ? 'The matching customer' : `${sample.length} matching customers, most valuable first`}
        </caption>
        <thead className="bg-gray-50">
          <tr>
            {SAMPLE_COLUMNS.map((column) => (
              <th key={column.label} scope="col" className={`px-3 py-2 font-semibold text-gray-900 ${column.numeric ? 'text-right' : 'text-left'}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {sample.slice(0, 10).map((customer) => (
            <tr key={customer.id}>
              <td className="px-3 py-2">
                <div className="font-medium text-gray-900">{customer.name ?? '—'}</div>
                <div className="font-mono text-xs text-gray-500">{customer.externalId}</div>
              </td>
              <td className="max-w-48 truncate px-3 py-2 text-gray-700">{customer.email ?? '—'}</td>
              <td className="px-3 py-2 text-gray-700">{customer.country ?? '—'}</td>
              <td className="px-3 py-2 text-right tabular-nums">{money(customer.revenue)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{money(customer.predictedClv)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
