import type { SegmentColor } from '@/lib/segments/segment-colors';

/** Literal class names per segment colour, so Tailwind keeps them. */
export const SEGMENT_DOT_CLASSES: Record<SegmentColor, string> = {
  indigo: 'bg-indigo-500',
  emerald: 'bg-emerald-500',
  amber: 'bg-amber-500',
  rose: 'bg-rose-500',
  sky: 'bg-sky-500',
  violet: 'bg-violet-500',
  teal: 'bg-teal-500',
  orange: 'bg-orange-500',
  fuchsia: 'bg-fuchsia-500',
  slate: 'bg-slate-500',
};

export function segmentDotClass(color: string): string {
  return SEGMENT_DOT_CLASSES[color as SegmentColor] ?? SEGMENT_DOT_CLASSES.indigo;
}
