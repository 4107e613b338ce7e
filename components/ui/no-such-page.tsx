import Link from 'next/link';
import { formatNumber } from '@/lib/format';
import { EmptyState } from './empty-state';

/** A page number past the end of a list, with the way back to its first page. */
export function NoSuchPage({ pages, firstPageHref }: { pages: number; firstPageHref: string }) {
  return (
    <EmptyState title="There is no such page">
      <p>
        The list has {formatNumber(pages)} pages.{' '}
        <Link className="font-medium text-indigo-600" href={firstPageHref}>
          Go to the first page
        </Link>
      </p>
    </EmptyState>
  );
}
