import { describe, expect, it } from 'vitest';
import type { SegmentRule, SegmentRuleNode } from './rule-schema';
import { SegmentCycleError, findSegmentCycle, referencedSegmentIds, refreshOrder } from './segment-dependencies';

const inSegment = (segmentId: number, operator: 'in' | 'not_in' = 'in'): SegmentRuleNode => ({ kind: 'segment', segmentId, operator });
const rule = (...children: SegmentRuleNode[]): SegmentRule => ({ version: 1, root: { kind: 'group', combinator: 'and', children } });
const germany: SegmentRuleNode = { kind: 'condition', field: 'country', operator: 'eq', value: 'DE' };
/** Segment id → ids its rule references; `null` for a static segment. */
const workspace = (references: Record<number, number[] | null>) =>
  new Map(Object.entries(references).map(([id, refs]) => [Number(id), refs && rule(germany, ...refs.map((ref) => inSegment(ref)))]));

describe('referencedSegmentIds', () => {
  it('lists the distinct referenced ids in ascending order, from nested groups and both operators', () => {
    const nested = rule(
      inSegment(9, 'not_in'),
      germany,
      { kind: 'group', combinator: 'or', children: [inSegment(2), { kind: 'group', combinator: 'and', children: [inSegment(9), inSegment(10)] }] },
      { kind: 'orders', minOrders: 1 },
    );
    expect(referencedSegmentIds(nested)).toEqual([2, 9, 10]);
    expect(referencedSegmentIds(rule(germany))).toEqual([]);
  });
});

describe('findSegmentCycle', () => {
  const stored = workspace({ 1: null, 3: [], 5: [3], 7: [5], 8: [1, 7] });

  it('finds the cycle that saving a rule would close, starting at the saved segment', () => {
    expect(findSegmentCycle(3, rule(inSegment(5)), stored)).toEqual([3, 5, 3]);
    expect(findSegmentCycle(3, rule(inSegment(1), inSegment(8)), stored)).toEqual([3, 8, 7, 5, 3]);
    expect(findSegmentCycle(5, rule(inSegment(5, 'not_in')), stored)).toEqual([5, 5]);
  });

  it('replaces the stored rule of the saved segment', () => {
    // Segment 5 stored as referencing 3; re-saved without that reference, 3 may now reference 5.
    const after = new Map(stored).set(3, rule(inSegment(5)));
    expect(findSegmentCycle(5, rule(germany), after)).toBeNull();
    expect(findSegmentCycle(5, rule(inSegment(3)), after)).toEqual([5, 3, 5]);
  });

  it('allows chains, diamonds, static segments and references to unknown segments', () => {
    expect(findSegmentCycle(9, rule(inSegment(8), inSegment(7), inSegment(1)), stored)).toBeNull();
    expect(findSegmentCycle(3, rule(inSegment(1), inSegment(42)), stored)).toBeNull();
    expect(findSegmentCycle(0, rule(inSegment(8)), stored)).toBeNull();
    expect(findSegmentCycle(-1, rule(germany), new Map())).toBeNull();
  });

  it('reports a stored cycle that a new segment would depend on', () => {
    const broken = workspace({ 2: [4], 4: [2] });
    expect(findSegmentCycle(-1, rule(inSegment(4)), broken)).toEqual([4, 2, 4]);
  });

  it('walks a chain of 100,000 segments without exhausting the stack', () => {
    const chain = new Map(Array.from({ length: 100_000 }, (_, i) => [i + 1, i + 2 <= 100_000 ? rule(inSegment(i + 2)) : rule(germany)]));
    expect(findSegmentCycle(100_000, rule(germany), chain)).toBeNull();
    expect(findSegmentCycle(100_000, rule(inSegment(1)), chain)).toHaveLength(100_001);
  });
});

describe('refreshOrder', () => {
  it('puts every segment after the segments it references, ties by ascending id', () => {
    const order = refreshOrder(workspace({ 8: [1, 7], 7: [5], 5: [3], 3: [], 1: null, 2: [8, 3], 4: [42] }));
    expect(order).toEqual([1, 3, 5, 7, 8, 2, 4]);
    expect(refreshOrder(new Map())).toEqual([]);
  });

  it('throws the cycle', () => {
    const cyclic = workspace({ 1: [], 2: [3], 3: [4], 4: [2] });
    expect(() => refreshOrder(cyclic)).toThrow(SegmentCycleError);
    expect(() => refreshOrder(cyclic)).toThrow('segments reference each other in a cycle: 2 → 3 → 4 → 2');
    expect(() => refreshOrder(workspace({ 6: [6] }))).toThrow('6 → 6');
  });
});
