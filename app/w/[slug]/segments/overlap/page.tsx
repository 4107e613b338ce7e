import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { formatNumber } from '@/lib/format';
import { segmentOverview } from '@/lib/segments/segment-list';
import { MAX_OVERLAP, overlapRatio } from '@/lib/segments/segment-warnings';

export const metadata: Metadata = { title: 'Segment overlap' };

function cellClass(ratio: number): string {
  if (ratio > MAX_OVERLAP) return 'bg-amber-200 text-amber-950 font-semibold';
  if (ratio >= 0.5) return 'bg-indigo-100 text-indigo-900';
  if (ratio > 0) return 'bg-indigo-50 text-indigo-800';
  return 'text-gray-400';
}

export default async function OverlapPage({ params }: PageProps<'/w/[slug]/segments/overlap'>) {
  const { slug } = await params;
  const { tenant } = await requireMember(slug);
  const { segments, overlaps } = await segmentOverview(tenant);
  const shared = new Map(overlaps.flatMap((o) => [[`${o.a}:${o.b}`, o.shared], [`${o.b}:${o.a}`, o.shared]] as const));

  return (
    <>
      <PageHeader
        title="Segment overlap"
        description={`Each cell: the share of the smaller segment that is also in the other. Over ${MAX_OVERLAP * 100} % (highlighted), the two are nearly the same audience.`}
      />
      {segments.length < 2 ? (
        <EmptyState title="Nothing to compare">
          <p>
            Overlap needs at least two segments. <Link href={`/w/${slug}/segments`} className="font-medium text-indigo-600">Back to segments</Link>
          </p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
          <table className="text-sm">
            <caption className="sr-only">Overlap between every pair of segments</caption>
            <thead>
              <tr>
                <td />
                {segments.map((segment) => (
                  <th key={segment.id} scope="col" className="h-40 w-12 align-bottom">
                    <div className="w-12 origin-bottom-left translate-x-6 -rotate-45 whitespace-nowrap text-left text-xs font-medium text-gray-700">{segment.name}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {segments.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="whitespace-nowrap px-3 py-1 text-left text-xs font-medium text-gray-700">
                    {row.name} <span className="text-gray-400">({formatNumber(row.customers)})</span>
                  </th>
                  {segments.map((column) => {
                    if (column.id === row.id) return <td key={column.id} className="h-10 w-12 bg-gray-100" aria-label="same segment" />;
                    const both = shared.get(`${row.id}:${column.id}`) ?? 0;
                    const ratio = overlapRatio(both, row.customers, column.customers);
                    return (
                      <td
                        key={column.id}
                        className={`h-10 w-12 text-center tabular-nums ${cellClass(ratio)}`}
                        title={`${formatNumber(both)} customers in both “${row.name}” and “${column.name}”`}
                        data-overlap={`${row.name}|${column.name}`}
                      >
                        {ratio === 0 ? '·' : `${Math.round(ratio * 100)}`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
