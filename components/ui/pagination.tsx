import Link from 'next/link';
import { formatNumber } from '@/lib/format';

export function Pagination({ page, pageSize, total, hrefForPage }: {
  page: number;
  pageSize: number;
  total: number;
  hrefForPage: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const linkClass = 'rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-gray-300 hover:bg-gray-50';
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 py-3">
      <p className="text-sm text-gray-600">
        Showing <span className="font-medium">{formatNumber(from)}</span>–<span className="font-medium">{formatNumber(to)}</span> of{' '}
        <span className="font-medium">{formatNumber(total)}</span>
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={hrefForPage(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        <span className="px-2 py-1.5 text-sm text-gray-600">
          Page {page} of {formatNumber(pages)}
        </span>
        {page < pages ? (
          <Link className={linkClass} href={hrefForPage(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
