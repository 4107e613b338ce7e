import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** Before the first recompute, or without a single buyer, there is nothing to value yet: say what comes next. */
export function NoValuationYet({ slug, canImport, computed }: { slug: string; canImport: boolean; computed: boolean }) {
  return (
    <EmptyState
      title={computed ? 'No buyers to value yet' : 'No customer value computed yet'}
      action={canImport && <ButtonLink href={`/w/${slug}/imports`}>Import data</ButtonLink>}
    >
      <p>
        {computed
          ? 'Segments are valued from customers with at least one order. Import orders and the figures appear once customer value has been recomputed.'
          : 'Segments are valued from each customer’s computed value. Import customers and orders; the figures appear here once the recompute that follows has finished.'}
        {!canImport && ' A marketer or admin of the workspace can import data.'}
      </p>
    </EmptyState>
  );
}
