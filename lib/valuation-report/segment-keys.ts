import { rfmSegmentNameSchema } from '@/lib/metrics/segment-scheme';

/**
 * A segment the valuation compares: an RFM segment (`rfm:Champions`) or a saved segment (`segment:12`). The key is
 * the segment id the pure valuation modules see and the key of its market inputs.
 */
export type SegmentKey = `rfm:${string}` | `segment:${number}`;

export type SegmentRef = { kind: 'rfm'; name: string } | { kind: 'segment'; id: number };

export const rfmKey = (name: string): SegmentKey => `rfm:${name}`;
export const savedSegmentKey = (id: number): SegmentKey => `segment:${id}`;

/**
 * The segment a key names, or null for anything else (a malformed id, text that cannot be an RFM segment name).
 * Whether an RFM name is one of the workspace's segments depends on its scheme: the callers that store or show
 * a segment check that.
 */
export function parseSegmentKey(key: string): SegmentRef | null {
  if (key.startsWith('rfm:')) {
    const name = key.slice(4);
    return rfmSegmentNameSchema.safeParse(name).data === name ? { kind: 'rfm', name } : null;
  }
  const id = /^segment:([1-9]\d{0,14})$/.exec(key)?.[1];
  return id ? { kind: 'segment', id: Number(id) } : null;
}

/** The page of a segment's valuation. */
export function segmentValuationHref(slug: string, key: SegmentKey): string {
  const ref = parseSegmentKey(key)!;
  return ref.kind === 'rfm'
    ? `/w/${slug}/valuation/rfm/${encodeURIComponent(ref.name)}`
    : `/w/${slug}/valuation/saved/${ref.id}`;
}
