/** SQL ORDER BY direction of the ranking: the last in this order gets the highest score. */
export type RankOrder = 'ascending' | 'descending';

export interface QuantileScoreOptions {
  bins?: number;
  order?: RankOrder;
}

/**
 * Mirror of the SQL scoring `1 + floor(bins * (RANK() OVER (ORDER BY v <order>) - 1) / count(*) OVER ())`.
 * RANK() gives tied values the lowest rank of their group, so ties always share a score.
 * Frequency and monetary value rank 'ascending'; days since the last purchase rank 'descending'
 * so that the most recent customers get the highest score.
 */
export function quantileScore(values: ArrayLike<number>, options: QuantileScoreOptions = {}): number[] {
  const bins = options.bins ?? 5;
  const descending = (options.order ?? 'ascending') === 'descending';
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`value ${i} is NaN; SQL would rank NULLs separately`);
  }
  const compare = (u: number, v: number) => (u < v ? -1 : u > v ? 1 : 0);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) =>
    descending ? compare(values[j], values[i]) : compare(values[i], values[j]),
  );
  const scores = new Array<number>(n);
  let rank = 1;
  for (let position = 0; position < n; position++) {
    const i = order[position];
    if (position > 0 && values[i] !== values[order[position - 1]]) rank = position + 1;
    scores[i] = 1 + Math.floor((bins * (rank - 1)) / n);
  }
  return scores;
}

/** R, F and M scores of every customer; recency is days since the last purchase. */
export function rfmScores(
  customers: { daysSinceLastPurchase: ArrayLike<number>; frequency: ArrayLike<number>; monetary: ArrayLike<number> },
  bins = 5,
): { recency: number[]; frequency: number[]; monetary: number[] } {
  return {
    recency: quantileScore(customers.daysSinceLastPurchase, { bins, order: 'descending' }),
    frequency: quantileScore(customers.frequency, { bins }),
    monetary: quantileScore(customers.monetary, { bins }),
  };
}

/** A score on a 1…bins scale moved to the 1…5 scale the segment grid is defined on. */
export function toFivePointScale(score: number, bins: number): number {
  return Math.ceil((score * 5) / bins);
}

export type ScoreRange = readonly [min: number, max: number];

/** A named segment: inclusive score ranges; a missing monetary range accepts every M. */
export interface SegmentRule {
  name: string;
  recency: ScoreRange;
  frequency: ScoreRange;
  monetary?: ScoreRange;
}

export interface RfmCell {
  recency: number;
  frequency: number;
  monetary: number;
}

export const DEFAULT_SEGMENT_NAMES = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New Customers',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
] as const;
export type DefaultSegmentName = (typeof DEFAULT_SEGMENT_NAMES)[number];

/** The default R × F grid (5-point scale): every one of the 25 cells belongs to exactly one segment. */
export const DEFAULT_SEGMENT_SCHEME: readonly (SegmentRule & { name: DefaultSegmentName })[] = [
  { name: 'Hibernating', recency: [1, 2], frequency: [1, 2] },
  { name: 'At Risk', recency: [1, 2], frequency: [3, 4] },
  { name: "Can't Lose Them", recency: [1, 2], frequency: [5, 5] },
  { name: 'About to Sleep', recency: [3, 3], frequency: [1, 2] },
  { name: 'Need Attention', recency: [3, 3], frequency: [3, 3] },
  { name: 'Loyal', recency: [3, 4], frequency: [4, 5] },
  { name: 'Promising', recency: [4, 4], frequency: [1, 1] },
  { name: 'New Customers', recency: [5, 5], frequency: [1, 1] },
  { name: 'Potential Loyalist', recency: [4, 5], frequency: [2, 3] },
  { name: 'Champions', recency: [5, 5], frequency: [4, 5] },
];

/** The default segment of R and F scores on a 1…bins scale. */
export function defaultSegment(recencyScore: number, frequencyScore: number, bins = 5): DefaultSegmentName {
  const cell = {
    recency: toFivePointScale(recencyScore, bins),
    frequency: toFivePointScale(frequencyScore, bins),
    monetary: 1,
  };
  const segment = DEFAULT_SEGMENT_SCHEME.find((rule) => inRule(rule, cell));
  if (!segment) throw new RangeError(`scores (${recencyScore}, ${frequencyScore}) are outside 1…${bins}`);
  return segment.name;
}

/** Names of every segment whose ranges contain the cell, in scheme order. */
export function matchingSegments(scheme: readonly SegmentRule[], cell: RfmCell): string[] {
  return scheme.filter((rule) => inRule(rule, cell)).map((rule) => rule.name);
}

export interface SchemeValidation {
  valid: boolean;
  /** Ranges that are not integers within 1…scale with min ≤ max. */
  invalidRanges: string[];
  /** Cells no segment contains. */
  uncovered: RfmCell[];
  /** Cells two or more segments contain, with those segments. */
  overlapping: { cell: RfmCell; segments: string[] }[];
}

/** Checks that every (R, F, M) cell of the 1…scale cube falls in exactly one segment. */
export function validateSegmentScheme(scheme: readonly SegmentRule[], scale = 5): SchemeValidation {
  const invalidRanges: string[] = [];
  for (const rule of scheme) {
    for (const [axis, range] of [
      ['recency', rule.recency],
      ['frequency', rule.frequency],
      ['monetary', rule.monetary],
    ] as const) {
      if (range && !isValidRange(range, scale)) invalidRanges.push(`${rule.name}: ${axis} [${range[0]}, ${range[1]}]`);
    }
  }
  const uncovered: RfmCell[] = [];
  const overlapping: { cell: RfmCell; segments: string[] }[] = [];
  for (const cell of allCells(scale)) {
    const segments = matchingSegments(scheme, cell);
    if (segments.length === 0) uncovered.push(cell);
    if (segments.length > 1) overlapping.push({ cell, segments });
  }
  return {
    valid: invalidRanges.length === 0 && uncovered.length === 0 && overlapping.length === 0,
    invalidRanges,
    uncovered,
    overlapping,
  };
}

/** Every (R, F, M) cell of the 1…scale cube, R slowest. */
export function allCells(scale = 5): RfmCell[] {
  const cells: RfmCell[] = [];
  for (let recency = 1; recency <= scale; recency++) {
    for (let frequency = 1; frequency <= scale; frequency++) {
      for (let monetary = 1; monetary <= scale; monetary++) cells.push({ recency, frequency, monetary });
    }
  }
  return cells;
}

function inRule(rule: SegmentRule, cell: RfmCell): boolean {
  return (
    inRange(rule.recency, cell.recency) &&
    inRange(rule.frequency, cell.frequency) &&
    (rule.monetary === undefined || inRange(rule.monetary, cell.monetary))
  );
}

function inRange([min, max]: ScoreRange, score: number): boolean {
  return score >= min && score <= max;
}

function isValidRange([min, max]: ScoreRange, scale: number): boolean {
  return Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max <= scale && min <= max;
}
