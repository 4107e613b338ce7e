/**
 * The fields a segment rule may filter on. Only the `column` SQL of these entries ever reaches a query
 * (as trusted text): user input chooses an entry by key, never supplies SQL. Aliases: `c` customers,
 * `m` customer_metrics (left joined, so metric columns are NULL for customers without a metrics row).
 * Date fields are SQL `date`s; a purchase timestamp counts on its UTC calendar day.
 * No database imports here: the rule builder (a client component) reads these lists.
 */
export type FieldType = 'number' | 'text' | 'boolean' | 'date';

export type SegmentField = { label: string; type: FieldType; column: string; source: 'customer' | 'metrics' };

export const SEGMENT_FIELDS = {
  country: { label: 'Country', type: 'text', column: 'c.country', source: 'customer' },
  region: { label: 'Region', type: 'text', column: 'c.region', source: 'customer' },
  gender: { label: 'Gender', type: 'text', column: 'c.gender', source: 'customer' },
  income_band: { label: 'Income band', type: 'text', column: 'c.income_band', source: 'customer' },
  education: { label: 'Education', type: 'text', column: 'c.education', source: 'customer' },
  acquisition_channel: { label: 'Acquisition channel', type: 'text', column: 'c.acquisition_channel', source: 'customer' },
  marketing_consent: { label: 'Marketing consent', type: 'boolean', column: 'c.marketing_consent', source: 'customer' },
  signup_date: { label: 'Signup date', type: 'date', column: 'c.signup_date', source: 'customer' },
  // Age in whole calendar years as of today; NULL when the birth year is unknown.
  age: { label: 'Age', type: 'number', column: '(extract(year from current_date)::int - c.birth_year)', source: 'customer' },
  recency_days: { label: 'Days since last purchase', type: 'number', column: 'm.recency_days', source: 'metrics' },
  frequency: { label: 'Frequency (purchase days)', type: 'number', column: 'm.purchase_days', source: 'metrics' },
  monetary: { label: 'Monetary (revenue)', type: 'number', column: 'm.revenue', source: 'metrics' },
  average_order_value: { label: 'Average order value', type: 'number', column: 'm.average_order_value', source: 'metrics' },
  margin: { label: 'Margin', type: 'number', column: 'm.margin', source: 'metrics' },
  predicted_clv: { label: 'Predicted CLV', type: 'number', column: 'm.predicted_clv', source: 'metrics' },
  probability_alive: { label: 'Probability alive', type: 'number', column: 'm.probability_alive', source: 'metrics' },
  churn_risk: { label: 'Churn risk', type: 'number', column: '(1 - m.probability_alive)', source: 'metrics' },
  recency_score: { label: 'Recency score', type: 'number', column: 'm.recency_score', source: 'metrics' },
  frequency_score: { label: 'Frequency score', type: 'number', column: 'm.frequency_score', source: 'metrics' },
  monetary_score: { label: 'Monetary score', type: 'number', column: 'm.monetary_score', source: 'metrics' },
  rfm_segment: { label: 'RFM segment', type: 'text', column: 'm.rfm_segment', source: 'metrics' },
  tenure_days: { label: 'Tenure (days)', type: 'number', column: 'm.tenure_days', source: 'metrics' },
  revenue_last_90_days: { label: 'Revenue, last 90 days', type: 'number', column: 'm.revenue_last_90_days', source: 'metrics' },
  revenue_last_365_days: { label: 'Revenue, last 365 days', type: 'number', column: 'm.revenue_last_365_days', source: 'metrics' },
  first_purchase: { label: 'First purchase', type: 'date', column: "(m.first_order_at at time zone 'UTC')::date", source: 'metrics' },
  last_purchase: { label: 'Last purchase', type: 'date', column: "(m.last_order_at at time zone 'UTC')::date", source: 'metrics' },
} as const satisfies Record<string, SegmentField>;

export type SegmentFieldName = keyof typeof SEGMENT_FIELDS;

export const SEGMENT_FIELD_NAMES = Object.keys(SEGMENT_FIELDS) as SegmentFieldName[];

export const OPERATORS_BY_TYPE = {
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'top_percent', 'bottom_percent'],
  text: ['eq', 'neq', 'in', 'not_in', 'contains', 'is_empty'],
  boolean: ['is_true', 'is_false'],
  date: ['within_last_days', 'not_within_last_days', 'before', 'after', 'is_empty'],
} as const satisfies Record<FieldType, readonly string[]>;

/** Operators of a custom attribute condition (`c.attributes ->> key`, compared as text). */
export const ATTRIBUTE_OPERATORS = OPERATORS_BY_TYPE.text;

/** Operators of a segment membership condition. */
export const SEGMENT_MEMBERSHIP_OPERATORS = ['in', 'not_in'] as const;

export const OPERATOR_LABELS: Record<string, string> = {
  eq: '=',
  neq: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  between: 'between',
  in: 'is one of',
  not_in: 'is not one of',
  contains: 'contains',
  is_empty: 'is empty',
  is_true: 'is true',
  is_false: 'is false',
  within_last_days: 'within the last … days',
  not_within_last_days: 'not within the last … days',
  before: 'before',
  after: 'after',
  top_percent: 'in the top … %',
  bottom_percent: 'in the bottom … %',
};

export function isSegmentField(name: string): name is SegmentFieldName {
  return Object.hasOwn(SEGMENT_FIELDS, name);
}
