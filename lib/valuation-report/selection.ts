import { idParam } from '@/lib/id-param';
import type { SegmentSelection } from './segment-metrics-query';

/** At most this many saved segments in one report, to keep the page readable and the statement small. */
export const MAX_SAVED_SEGMENTS = 20;

type SearchParams = Record<string, string | string[] | undefined>;

const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The segments of a report from the URL: `?segment=12&segment=15` adds saved segments, `rfm=0` leaves the RFM
 * segments out (they are in by default, and come back when nothing else is chosen). Malformed ids are ignored.
 */
export function parseSelection(params: SearchParams): SegmentSelection {
  const ids = [...new Set(all(params.segment).map(idParam).filter((id): id is number => id !== null))].slice(0, MAX_SAVED_SEGMENTS);
  const rfm = all(params.rfm)[0] !== '0' || ids.length === 0;
  return { rfm, savedSegmentIds: ids };
}

/** The URL query of a selection (empty for the default: the RFM segments alone). */
export function selectionQuery(selection: SegmentSelection): string {
  const search = new URLSearchParams();
  if (!selection.rfm) search.set('rfm', '0');
  for (const id of selection.savedSegmentIds) search.append('segment', String(id));
  const query = search.toString();
  return query ? `?${query}` : '';
}
