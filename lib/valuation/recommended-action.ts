import { formatCurrency, formatPercent } from '@/lib/format';
import { defaultCampaignAssumptions, type CampaignAssumptions } from './campaign-assumptions';
import { ratio } from './ratio';
import type { SegmentMetrics } from './segment-metrics';

export type SegmentAction = 'retain' | 'win-back' | 'grow' | 'nurture' | 'maintain' | 'deprioritise';

export const SEGMENT_ACTIONS: Record<SegmentAction, { label: string; description: string }> = {
  retain: { label: 'Retain', description: 'Keep valuable customers who show signs of leaving' },
  'win-back': { label: 'Win back', description: 'Reactivate past buyers who have stopped ordering' },
  grow: { label: 'Grow', description: 'Raise spend of repeat buyers with more potential than they show' },
  nurture: { label: 'Nurture', description: 'Bring promising new customers to a second order' },
  maintain: { label: 'Maintain', description: 'Keep steady customers served without extra spend' },
  deprioritise: { label: 'Deprioritise', description: 'Little value now or ahead: spend elsewhere first' },
};

/** A segment seen against the whole customer base; indices are per-customer figures ÷ the population's. */
export interface ActionSignals {
  customers: number;
  /** Revenue in the last 12 months per customer. */
  currentValueIndex: number;
  /** Predicted CLV per customer. */
  futureValueIndex: number;
  /** All-time revenue per customer. */
  pastValueIndex: number;
  repeatRateIndex: number;
  /** Revenue in the last 12 months ÷ all-time revenue. */
  recentRevenueShare: number;
  meanProbabilityAlive: number;
  highChurnRiskShare: number;
}

/** The cut-offs of the rule table, in one place. */
export const ACTION_THRESHOLDS = {
  /** Lapsed: under this share of lifetime revenue came in the last 12 months… */
  lapsedRecentRevenueShare: 0.15,
  /** …mean P(alive) under this… */
  lapsedProbabilityAlive: 0.5,
  /** …and they used to spend at least this index. */
  lapsedPastValueIndex: 0.5,
  /** At risk: at least this share at high churn risk. */
  atRiskHighChurnShare: 0.25,
  /** Valuable: at least the average customer. */
  valuableIndex: 1,
  /** Room to grow: predicted CLV at least this index. */
  promisingFutureIndex: 1.2,
  /** Low value: both current and future value under this index. */
  lowValueIndex: 0.75,
} as const;

export interface RecommendedAction {
  action: SegmentAction;
  label: string;
  /** One line for a manager, with the figures behind it. */
  reason: string;
  assumptions: CampaignAssumptions;
}

export interface ReasonContext {
  signals: ActionSignals;
  metrics: SegmentMetrics;
  money: (amount: number) => string;
}

export interface ActionRule {
  action: SegmentAction;
  applies: (signals: ActionSignals) => boolean;
  reason: (context: ReasonContext) => string;
}

const T = ACTION_THRESHOLDS;
const percent = (share: number) => formatPercent(share, 0);
const times = (index: number) => `${index.toFixed(1)}×`;

/** First matching rule wins; the last always matches. */
export const ACTION_RULES: readonly ActionRule[] = [
  {
    action: 'deprioritise',
    applies: (s) => s.customers === 0,
    reason: () => 'No customers in this segment yet',
  },
  {
    action: 'win-back',
    applies: (s) =>
      s.recentRevenueShare < T.lapsedRecentRevenueShare &&
      s.meanProbabilityAlive < T.lapsedProbabilityAlive &&
      s.pastValueIndex >= T.lapsedPastValueIndex,
    reason: ({ signals: s, metrics, money }) =>
      `Lapsed buyers: only ${percent(s.recentRevenueShare)} of their ${money(metrics.revenueAllTime)} lifetime revenue came in the last 12 months, mean P(alive) ${percent(s.meanProbabilityAlive)}`,
  },
  {
    action: 'retain',
    applies: (s) => s.currentValueIndex >= T.valuableIndex && s.highChurnRiskShare >= T.atRiskHighChurnShare,
    reason: ({ signals: s, metrics, money }) =>
      `High-value customers drifting away: ${percent(s.highChurnRiskShare)} at high churn risk, ${money(metrics.revenueAtRisk)} revenue at risk`,
  },
  {
    action: 'grow',
    applies: (s) =>
      s.futureValueIndex >= T.promisingFutureIndex && s.currentValueIndex < T.valuableIndex && s.repeatRateIndex >= 1,
    reason: ({ signals: s }) =>
      `Room to grow: repeat buyers with predicted CLV ${times(s.futureValueIndex)} the average customer's but last-12-month spend only ${times(s.currentValueIndex)}`,
  },
  {
    action: 'nurture',
    applies: (s) => s.futureValueIndex >= T.valuableIndex && s.currentValueIndex < T.valuableIndex,
    reason: ({ signals: s, metrics, money }) =>
      `Promising newcomers: ${percent(1 - metrics.repeatRate)} have ordered only once, predicted CLV ${money(metrics.predictedClvPerCustomer)} per customer (${times(s.futureValueIndex)} the average)`,
  },
  {
    action: 'deprioritise',
    applies: (s) => s.futureValueIndex < T.lowValueIndex && s.currentValueIndex < T.lowValueIndex,
    reason: ({ signals: s }) =>
      `Low value, low potential: predicted CLV ${times(s.futureValueIndex)} and last-12-month spend ${times(s.currentValueIndex)} the average customer's`,
  },
  {
    action: 'maintain',
    applies: () => true,
    reason: ({ signals: s, metrics, money }) =>
      `Steady: ${money(metrics.revenueLast12Months)} revenue in the last 12 months (${times(s.currentValueIndex)} the average customer's), ${percent(s.highChurnRiskShare)} at high churn risk`,
  },
];

/** `population` is segmentMetrics over every customer. */
export function actionSignals(segment: SegmentMetrics, population: SegmentMetrics): ActionSignals {
  const perCustomer = (metrics: SegmentMetrics, total: number) => ratio(total, metrics.customers);
  const index = (pick: (metrics: SegmentMetrics) => number) =>
    ratio(perCustomer(segment, pick(segment)), perCustomer(population, pick(population)));
  return {
    customers: segment.customers,
    currentValueIndex: index((m) => m.revenueLast12Months),
    futureValueIndex: index((m) => m.predictedClv),
    pastValueIndex: index((m) => m.revenueAllTime),
    repeatRateIndex: ratio(segment.repeatRate, population.repeatRate),
    recentRevenueShare: ratio(segment.revenueLast12Months, segment.revenueAllTime),
    meanProbabilityAlive: segment.meanProbabilityAlive,
    highChurnRiskShare: segment.highChurnRiskShare,
  };
}

/** `population` is segmentMetrics over every customer; `currency` is the workspace's ISO 4217 code. */
export function recommendAction(
  segment: SegmentMetrics,
  population: SegmentMetrics,
  currency = 'USD',
): RecommendedAction {
  const signals = actionSignals(segment, population);
  const rule = ACTION_RULES.find((candidate) => candidate.applies(signals))!;
  return {
    action: rule.action,
    label: SEGMENT_ACTIONS[rule.action].label,
    reason: rule.reason({
      signals,
      metrics: segment,
      money: (amount) => formatCurrency(amount, currency, { compact: true }),
    }),
    assumptions: defaultCampaignAssumptions(rule.action, segment),
  };
}
