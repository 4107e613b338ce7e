import type { AllocationSegmentInput } from './response-curve';
import type { SegmentAction } from './recommended-action';
import { ratio } from './ratio';
import type { SegmentMetrics } from './segment-metrics';

/** What a campaign on a segment is assumed to cost and return; defaults the user edits. */
export interface CampaignAssumptions {
  costPerContact: number;
  /** Incremental probability that a contacted customer responds (0–1). */
  upliftRate: number;
  /** Incremental margin per responder. */
  valuePerResponse: number;
}

export interface CampaignAssumptionRule {
  /** Cost of sending one contact, in the workspace currency. */
  baseCostPerContact: number;
  /** Incentive (discount, gift) per contact as a share of the value per response. */
  incentiveShareOfValue: number;
  baseUpliftRate: number;
  /** Uplift added per unit of mean churn risk (1 − mean P(alive)): offers work best on customers about to leave. */
  upliftPerChurnRisk: number;
  /**
   * predicted-margin: predicted CLV per customer × margin rate;
   * past-yearly-margin: gross margin to date per customer-year.
   */
  valueBasis: 'predicted-margin' | 'past-yearly-margin';
}

export const CAMPAIGN_ASSUMPTION_RULES: Record<SegmentAction, CampaignAssumptionRule> = {
  retain: {
    baseCostPerContact: 2,
    incentiveShareOfValue: 0.05,
    baseUpliftRate: 0.02,
    upliftPerChurnRisk: 0.2,
    valueBasis: 'predicted-margin',
  },
  // A won-back customer is worth what they used to earn us in a year, not their (near-zero) predicted CLV.
  'win-back': {
    baseCostPerContact: 2,
    incentiveShareOfValue: 0.05,
    baseUpliftRate: 0.03,
    upliftPerChurnRisk: 0.02,
    valueBasis: 'past-yearly-margin',
  },
  grow: {
    baseCostPerContact: 1,
    incentiveShareOfValue: 0.02,
    baseUpliftRate: 0.08,
    upliftPerChurnRisk: 0,
    valueBasis: 'predicted-margin',
  },
  nurture: {
    baseCostPerContact: 0.5,
    incentiveShareOfValue: 0.01,
    baseUpliftRate: 0.05,
    upliftPerChurnRisk: 0,
    valueBasis: 'predicted-margin',
  },
  maintain: {
    baseCostPerContact: 0.5,
    incentiveShareOfValue: 0.01,
    baseUpliftRate: 0.03,
    upliftPerChurnRisk: 0.05,
    valueBasis: 'predicted-margin',
  },
  deprioritise: {
    baseCostPerContact: 0.25,
    incentiveShareOfValue: 0,
    baseUpliftRate: 0.01,
    upliftPerChurnRisk: 0,
    valueBasis: 'predicted-margin',
  },
};

/** cost = base + incentive share × value; uplift = min(1, base + per-risk × (1 − mean P(alive))). */
export function defaultCampaignAssumptions(action: SegmentAction, metrics: SegmentMetrics): CampaignAssumptions {
  const rule = CAMPAIGN_ASSUMPTION_RULES[action];
  const valuePerResponse = Math.max(
    0,
    rule.valueBasis === 'predicted-margin'
      ? metrics.predictedClvPerCustomer * metrics.marginRate
      : ratio(metrics.grossMargin, metrics.customerYears),
  );
  const churnRisk = metrics.customers === 0 ? 0 : 1 - metrics.meanProbabilityAlive;
  return {
    costPerContact: rule.baseCostPerContact + rule.incentiveShareOfValue * valuePerResponse,
    upliftRate: Math.min(1, rule.baseUpliftRate + rule.upliftPerChurnRisk * churnRisk),
    valuePerResponse,
  };
}

/** The allocator's view of a segment, from its metrics and the (possibly edited) campaign assumptions. */
export function toAllocationSegment(
  segmentId: string,
  metrics: SegmentMetrics,
  assumptions: CampaignAssumptions,
  bounds: { minSpend?: number; maxSpend?: number } = {},
): AllocationSegmentInput {
  return {
    segmentId,
    customers: metrics.customers,
    ...assumptions,
    marginRate: metrics.marginRate,
    revenueLast12Months: metrics.revenueLast12Months,
    ...bounds,
  };
}
