/**
 * Over-segmentation checks (segments too small to act on, pairs that mostly hold the same customers) and rules
 * naming RFM segments the workspace no longer has (lib/segments/rfm-segment-names.ts).
 */

export const MIN_SEGMENT_CUSTOMERS = 50;
export const MIN_SEGMENT_SHARE = 0.01;
export const MAX_OVERLAP = 0.8;

export type SegmentSize = { id: number; name: string; customers: number };
export type PairOverlap = { a: number; b: number; shared: number };

export type SegmentWarning =
  | { kind: 'tiny'; segmentId: number; message: string }
  | { kind: 'overlap'; segmentId: number; otherId: number; overlap: number; message: string }
  | { kind: 'unknown_rfm_segment'; segmentId: number; names: string[]; message: string };

/** |A ∩ B| / min(|A|, |B|): 1 when the smaller segment lies wholly inside the larger one. */
export function overlapRatio(shared: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  return smaller === 0 ? 0 : shared / smaller;
}

export function segmentWarnings(sizes: SegmentSize[], totalCustomers: number, overlaps: PairOverlap[]): SegmentWarning[] {
  const byId = new Map(sizes.map((segment) => [segment.id, segment]));
  const warnings: SegmentWarning[] = [];
  for (const segment of sizes) {
    const share = totalCustomers > 0 ? segment.customers / totalCustomers : 0;
    if (totalCustomers > 0 && (segment.customers < MIN_SEGMENT_CUSTOMERS || share < MIN_SEGMENT_SHARE)) {
      warnings.push({
        kind: 'tiny',
        segmentId: segment.id,
        message: `Only ${segment.customers.toLocaleString('en-US')} customers (${(share * 100).toFixed(1)} %): under ${MIN_SEGMENT_CUSTOMERS} customers or ${MIN_SEGMENT_SHARE * 100} % of the workspace, too small to act on reliably.`,
      });
    }
  }
  for (const pair of overlaps) {
    const a = byId.get(pair.a);
    const b = byId.get(pair.b);
    if (!a || !b) continue;
    const overlap = overlapRatio(pair.shared, a.customers, b.customers);
    if (overlap <= MAX_OVERLAP) continue;
    const [smaller, larger] = a.customers <= b.customers ? [a, b] : [b, a];
    const message = `${Math.round(overlap * 100)} % of “${smaller.name}” is also in “${larger.name}”: consider merging them or making them exclusive.`;
    warnings.push({ kind: 'overlap', segmentId: smaller.id, otherId: larger.id, overlap, message });
  }
  return warnings;
}
