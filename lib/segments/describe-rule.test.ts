import { describe, expect, it } from 'vitest';
import { describeRule } from './describe-rule';
import type { SegmentRule } from './rule-schema';

describe('describeRule', () => {
  it('reads a nested rule as indented lines', () => {
    const rule = {
      version: 1,
      root: {
        kind: 'group',
        combinator: 'and',
        children: [
          { kind: 'condition', field: 'country', operator: 'in', value: ['DE', 'AT'] },
          { kind: 'condition', field: 'predicted_clv', operator: 'gt', value: 250 },
          {
            kind: 'group',
            combinator: 'or',
            children: [
              { kind: 'condition', field: 'churn_risk', operator: 'between', value: [0.5, 1] },
              { kind: 'orders', minOrders: 2, category: 'Shoes', withinDays: 365 },
              { kind: 'segment', segmentId: 7, operator: 'not_in' },
            ],
          },
        ],
      },
    } as SegmentRule;
    expect(describeRule(rule, new Map([[7, 'Lapsed VIPs']]))).toEqual([
      { depth: 0, text: 'All of:' },
      { depth: 1, text: 'Country is one of “DE”, “AT”' },
      { depth: 1, text: 'Predicted CLV is over 250' },
      { depth: 1, text: 'Any of:' },
      { depth: 2, text: 'Churn risk is between 0.5 and 1' },
      { depth: 2, text: 'At least 2 orders in category “Shoes” within the last 365 days' },
      { depth: 2, text: 'Is not in “Lapsed VIPs”' },
    ]);
  });
});
