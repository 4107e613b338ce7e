/** A segment as the budget allocator sees it. Money is in the workspace currency. */
export interface AllocationSegmentInput {
  segmentId: string;
  customers: number;
  costPerContact: number;
  /** Incremental probability that a contacted customer responds (0–1). */
  upliftRate: number;
  /** Incremental margin per responder. */
  valuePerResponse: number;
  /** Gross margin / revenue of the segment, to turn margin back into revenue. */
  marginRate: number;
  /** The revenue-proportional baseline splits the budget by this (the app passes last-12-month revenue). */
  revenueLast12Months: number;
  /** Defaults to 0. */
  minSpend?: number;
  /** Defaults to no cap. */
  maxSpend?: number;
}

/** Incremental margin M(s) = V·(1 − e^(−s/S)). */
export interface ResponseCurve {
  /** V = customers × upliftRate × valuePerResponse: the most the segment can return. */
  saturationMargin: number;
  /** S = costPerContact × customers: the spend that buys one contact per customer. */
  fullCoverageSpend: number;
}

// Contacts land on customers at random, so after s/c contacts the share reached at least once is
// 1 − e^(−s/(c·N)) (Poisson coverage): returns diminish because later contacts hit customers already reached.
export function responseCurve(segment: AllocationSegmentInput): ResponseCurve {
  return {
    saturationMargin: segment.customers * segment.upliftRate * segment.valuePerResponse,
    fullCoverageSpend: segment.costPerContact * segment.customers,
  };
}

/** Share of the segment's customers reached at least once: 1 − e^(−s/S). */
export function coverage(curve: ResponseCurve, spend: number): number {
  return curve.fullCoverageSpend === 0 ? 0 : -Math.expm1(-spend / curve.fullCoverageSpend);
}

/** M(s) = V·(1 − e^(−s/S)). */
export function incrementalMargin(curve: ResponseCurve, spend: number): number {
  return curve.saturationMargin * coverage(curve, spend);
}

/** M′(s) = (V/S)·e^(−s/S): the margin the next unit of spend earns. */
export function marginalReturn(curve: ResponseCurve, spend: number): number {
  if (curve.saturationMargin === 0) return 0;
  return (curve.saturationMargin / curve.fullCoverageSpend) * Math.exp(-spend / curve.fullCoverageSpend);
}

export function spendBounds(segment: AllocationSegmentInput): { min: number; max: number } {
  return { min: segment.minSpend ?? 0, max: segment.maxSpend ?? Infinity };
}

/** Throws a RangeError naming the segment and the field that cannot be used. */
export function assertValidSegment(segment: AllocationSegmentInput): void {
  const { min, max } = spendBounds(segment);
  const problems = [
    [!(segment.customers >= 0 && Number.isFinite(segment.customers)), 'customers must be ≥ 0'],
    [!(segment.costPerContact > 0 && Number.isFinite(segment.costPerContact)), 'cost per contact must be > 0'],
    [!(segment.upliftRate >= 0 && segment.upliftRate <= 1), 'uplift rate must be between 0 and 1'],
    [!(segment.valuePerResponse >= 0 && Number.isFinite(segment.valuePerResponse)), 'value per response must be ≥ 0'],
    [!(segment.revenueLast12Months >= 0), 'revenue must be ≥ 0'],
    [!(min >= 0 && Number.isFinite(min)), 'minimum spend must be ≥ 0'],
    [!(max >= min), 'maximum spend must be ≥ the minimum'],
  ] as const;
  const problem = problems.find(([failed]) => failed);
  if (problem) throw new RangeError(`Segment ${segment.segmentId}: ${problem[1]}`);
}
