import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { SegmentSelection } from '@/lib/valuation-report/segment-metrics-query';
import type { SavedSegmentName } from '@/lib/valuation-report/segment-names';
import { MAX_SAVED_SEGMENTS } from '@/lib/valuation-report/selection';

/** A GET form choosing the report's segments: the URL keeps the choice, so it can be shared and exported. */
export function SegmentChooser({ action, selection, saved, segmentsHref, submitLabel = 'Compare these' }: {
  action: string;
  submitLabel?: string;
  selection: SegmentSelection;
  saved: SavedSegmentName[];
  segmentsHref: string;
}) {
  const chosen = new Set(selection.savedSegmentIds);
  return (
    <details className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 print:hidden" open={selection.savedSegmentIds.length > 0 || undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-gray-900">
        Segments: {selection.rfm ? 'the RFM segments' : 'saved segments only'}
        {selection.savedSegmentIds.length > 0 && ` + ${selection.savedSegmentIds.length} saved`}
      </summary>
      <form method="get" action={action} className="mt-4 space-y-4">
        <div>
          <label htmlFor="chooser-rfm" className="block text-sm font-medium text-gray-900">
            RFM segments
          </label>
          <select
            id="chooser-rfm"
            name="rfm"
            defaultValue={selection.rfm ? '1' : '0'}
            className="mt-1 rounded-md border-0 py-1.5 pl-3 pr-8 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
          >
            <option value="1">Include them (they do not overlap each other)</option>
            <option value="0">Leave them out</option>
          </select>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-gray-900">Saved segments (up to {MAX_SAVED_SEGMENTS})</legend>
          {saved.length === 0 ? (
            <p className="mt-1 text-sm text-gray-600">
              None yet. <Link href={segmentsHref} className="font-medium text-indigo-700">Define segments</Link> to value them here.
            </p>
          ) : (
            <div className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
              {saved.map((segment) => (
                <label key={segment.id} className="flex items-center gap-2 text-sm text-gray-800">
                  <input type="checkbox" name="segment" value={segment.id} defaultChecked={chosen.has(segment.id)} className="rounded border-gray-300" />
                  {segment.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <Button type="submit" variant="secondary">
          {submitLabel}
        </Button>
      </form>
    </details>
  );
}
