import type { ScoreRange, SegmentRule } from '@/lib/models/rfm';
import { SCHEME_SCALE } from '@/lib/metrics/segment-scheme';

export type Axis = 'recency' | 'frequency' | 'monetary';
type Range = [number, number];

/** A segment as the editor holds it: `key` keeps React's identity (and focus) through renames and moves. */
export type SchemeRow = { key: number; name: string; recency: Range; frequency: Range; monetary: Range | null };

const copy = (range: ScoreRange): Range => [range[0], range[1]];

export function toRows(segments: readonly SegmentRule[]): SchemeRow[] {
  return segments.map((segment, index) => ({
    key: index,
    name: segment.name,
    recency: copy(segment.recency),
    frequency: copy(segment.frequency),
    monetary: segment.monetary ? copy(segment.monetary) : null,
  }));
}

export function toSegments(rows: readonly SchemeRow[]): SegmentRule[] {
  return rows.map(({ name, recency, frequency, monetary }) => (monetary ? { name, recency, frequency, monetary } : { name, recency, frequency }));
}

/** A new one-cell segment with a name no row has yet. */
export function newRow(rows: readonly SchemeRow[]): SchemeRow {
  const names = new Set(rows.map((row) => row.name.trim().toLocaleLowerCase('en-US')));
  let n = rows.length + 1;
  while (names.has(`new segment ${n}`)) n++;
  return { key: Math.max(-1, ...rows.map((row) => row.key)) + 1, name: `New segment ${n}`, recency: [1, 1], frequency: [1, 1], monetary: null };
}

export function moveRow(rows: readonly SchemeRow[], index: number, offset: -1 | 1): SchemeRow[] {
  const target = index + offset;
  if (target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/**
 * Sets one end of a range; the other end follows when it would be passed, so a range is never upside down.
 * `monetary` null stands for every M.
 */
export function setRangeEnd(row: SchemeRow, axis: Axis, end: 0 | 1, score: number): SchemeRow {
  const [min, max] = row[axis] ?? [1, SCHEME_SCALE];
  const next: Range = end === 0 ? [score, Math.max(score, max)] : [Math.min(score, min), score];
  return { ...row, [axis]: next };
}
