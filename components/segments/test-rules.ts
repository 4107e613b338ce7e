import type { SegmentRule } from '@/lib/segments/rule-schema';

/** country = DE AND (age between ? and 40 OR ≥ 2 orders in a date range OR not in segment 3): every kind of node. */
export const MIXED_RULE: SegmentRule = {
  version: 1,
  root: {
    kind: 'group',
    combinator: 'and',
    children: [
      { kind: 'condition', field: 'country', operator: 'eq', value: 'DE' },
      {
        kind: 'group',
        combinator: 'or',
        children: [
          { kind: 'condition', field: 'age', operator: 'between', value: [Number.NaN, 40] },
          { kind: 'orders', minOrders: 2, from: '2025-01-01', to: '2024-01-01' },
          { kind: 'segment', segmentId: 3, operator: 'not_in' },
        ],
      },
    ],
  },
};
