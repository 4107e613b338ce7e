import { describe, expect, it } from 'vitest';
import { SEGMENT_FIELD_NAMES } from '@/lib/segments/fields';
import { MAX_CONDITIONS, MAX_GROUP_DEPTH, parseSegmentRule, type SegmentGroup, type SegmentRule, type SegmentRuleNode } from '@/lib/segments/rule-schema';
import { fieldType, operatorsFor, SUBJECT_GROUPS } from './condition-options';
import {
  addCondition,
  addConditionBlockedReason,
  addGroup,
  addGroupBlockedReason,
  changeOperator,
  changeSubject,
  convertValue,
  countConditions,
  emptyRule,
  moveNode,
  newCondition,
  nodeAt,
  nodeNumber,
  ordersPeriod,
  parseList,
  pathKey,
  removeNode,
  replaceNode,
  setCombinator,
  withOrdersPeriod,
} from './rule-tree';

const condition = (field: string, operator: string, value: unknown) => ({ kind: 'condition', field, operator, value }) as SegmentRuleNode;
const group = (combinator: 'and' | 'or', ...children: SegmentRuleNode[]): SegmentGroup => ({ kind: 'group', combinator, children });
const rule = (root: SegmentGroup): SegmentRule => ({ version: 1, root });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// country = DE AND (recency > 90 OR churn risk > 0.5) AND frequency ≥ 2
const sample = deepFreeze(
  rule(
    group(
      'and',
      condition('country', 'eq', 'DE'),
      group('or', condition('recency_days', 'gt', 90), condition('churn_risk', 'gt', 0.5)),
      condition('frequency', 'gte', 2),
    ),
  ),
);

const context = { segments: [{ id: 7 }, { id: 9 }], attributeKeys: ['loyalty_tier'] };

function valid(next: SegmentRule): boolean {
  return parseSegmentRule(JSON.parse(JSON.stringify(next))).success;
}

describe('paths', () => {
  it('finds nodes by child indexes, and nothing past the tree', () => {
    expect(nodeAt(sample, [])).toBe(sample.root);
    expect(nodeAt(sample, [1, 0])).toEqual(condition('recency_days', 'gt', 90));
    expect(nodeAt(sample, [1, 5])).toBeUndefined();
    expect(nodeAt(sample, [0, 0])).toBeUndefined();
  });

  it('names paths for keys and for people', () => {
    expect(pathKey([])).toBe('root');
    expect(pathKey([1, 0])).toBe('1.0');
    expect(nodeNumber([1, 0])).toBe('2.1');
  });
});

describe('edits are immutable and share what they do not touch', () => {
  it('adds a condition at the end of a nested group', () => {
    const next = addCondition(sample, [1], condition('age', 'lt', 30) as never);
    expect((nodeAt(next, [1]) as SegmentGroup).children).toHaveLength(3);
    expect(nodeAt(next, [1, 2])).toEqual(condition('age', 'lt', 30));
    expect(next.root.children[0]).toBe(sample.root.children[0]);
    expect(next.root.children[2]).toBe(sample.root.children[2]);
    expect((nodeAt(sample, [1]) as SegmentGroup).children).toHaveLength(2);
  });

  it('adds a group holding one condition, matching the opposite of its parent', () => {
    const next = addGroup(sample, []);
    expect(nodeAt(next, [3])).toMatchObject({ kind: 'group', combinator: 'or', children: [newCondition()] });
    expect(nodeAt(addGroup(sample, [1]), [1, 2])).toMatchObject({ kind: 'group', combinator: 'and' });
    expect(valid(next)).toBe(true);
  });

  it('removes a node, and refuses to remove the root', () => {
    const next = removeNode(sample, [1, 0]);
    expect(nodeAt(next, [1])).toEqual(group('or', condition('churn_risk', 'gt', 0.5)));
    expect(removeNode(sample, [0]).root.children).toEqual(sample.root.children.slice(1));
    expect(() => removeNode(sample, [])).toThrow(RangeError);
    expect(() => removeNode(sample, [4])).toThrow(RangeError);
  });

  it('keeps an emptied nested group (the schema reports it) rather than removing more than asked', () => {
    const next = removeNode(removeNode(sample, [1, 0]), [1, 0]);
    expect(nodeAt(next, [1])).toEqual(group('or'));
  });

  it('moves a node up and down among its siblings, and not past either end', () => {
    const down = moveNode(sample, [0], 1);
    expect(down.root.children.map((child) => child.kind)).toEqual(['group', 'condition', 'condition']);
    expect(down.root.children[1]).toBe(sample.root.children[0]);
    expect(moveNode(down, [1], -1)).toEqual(sample);
    expect(moveNode(sample, [0], -1)).toBe(sample);
    expect(moveNode(sample, [2], 1)).toBe(sample);
    expect(moveNode(sample, [1, 1], -1).root.children[1]).toEqual(group('or', condition('churn_risk', 'gt', 0.5), condition('recency_days', 'gt', 90)));
  });

  it('switches a group between all and any', () => {
    const next = setCombinator(sample, [1], 'and');
    expect(nodeAt(next, [1])).toMatchObject({ combinator: 'and' });
    expect(next.root.combinator).toBe('and');
    expect(setCombinator(sample, [], 'or').root.combinator).toBe('or');
    expect(() => setCombinator(sample, [0], 'or')).toThrow(TypeError);
  });

  it('replaces one node', () => {
    const next = replaceNode(sample, [2], condition('frequency', 'gte', 3));
    expect(nodeAt(next, [2])).toEqual(condition('frequency', 'gte', 3));
    expect(next.root.children[1]).toBe(sample.root.children[1]);
  });
});

describe('changeSubject', () => {
  it('keeps operator and value for another field of the same type', () => {
    const next = changeSubject(sample, [2], 'field:tenure_days');
    expect(nodeAt(next, [2])).toEqual(condition('tenure_days', 'gte', 2));
  });

  it('resets operator and value to the defaults of a different type', () => {
    expect(nodeAt(changeSubject(sample, [0], 'field:predicted_clv'), [0])).toEqual(condition('predicted_clv', 'gte', 0));
    expect(nodeAt(changeSubject(sample, [0], 'field:marketing_consent'), [0])).toEqual(condition('marketing_consent', 'is_true', null));
    expect(nodeAt(changeSubject(sample, [0], 'field:last_purchase'), [0])).toEqual(condition('last_purchase', 'within_last_days', 30));
  });

  it('turns a field condition into an attribute, order or segment condition with usable defaults', () => {
    expect(nodeAt(changeSubject(sample, [0], 'attribute', context), [0])).toEqual({ kind: 'attribute', key: 'loyalty_tier', operator: 'eq', value: '' });
    expect(nodeAt(changeSubject(sample, [0], 'orders', context), [0])).toEqual({ kind: 'orders', minOrders: 1, withinDays: 365 });
    expect(nodeAt(changeSubject(sample, [0], 'segment', context), [0])).toEqual({ kind: 'segment', segmentId: 7, operator: 'in' });
  });

  it('leaves a segment id to be chosen when there is no segment to default to', () => {
    const node = nodeAt(changeSubject(sample, [0], 'segment'), [0]);
    expect(node).toMatchObject({ kind: 'segment', operator: 'in' });
    expect(Number.isNaN((node as { segmentId: number }).segmentId)).toBe(true);
  });

  it('returns the same node when the subject does not change, and refuses groups', () => {
    const next = changeSubject(sample, [0], 'field:country');
    expect(next.root.children[0]).toBe(sample.root.children[0]);
    expect(() => changeSubject(sample, [1], 'field:country')).toThrow(TypeError);
  });

  it('gives every subject on offer a default that the schema accepts', () => {
    for (const option of SUBJECT_GROUPS.flatMap((g) => g.options)) {
      const next = addCondition(emptyRule(), [], newCondition(option.value, context));
      expect(valid(next), option.value).toBe(true);
    }
  });
});

describe('changeOperator', () => {
  it('converts the value to the shape the operator takes', () => {
    const at = (next: SegmentRule) => nodeAt(next, [2]);
    expect(at(changeOperator(sample, [2], 'between'))).toEqual(condition('frequency', 'between', [2, 2]));
    expect(at(changeOperator(changeOperator(sample, [2], 'between'), [2], 'lt'))).toEqual(condition('frequency', 'lt', 2));
    expect(at(changeOperator(sample, [2], 'top_percent'))).toEqual(condition('frequency', 'top_percent', 2));
    expect(nodeAt(changeOperator(sample, [0], 'in'), [0])).toEqual(condition('country', 'in', ['DE']));
    expect(nodeAt(changeOperator(changeOperator(sample, [0], 'in'), [0], 'neq'), [0])).toEqual(condition('country', 'neq', 'DE'));
    expect(nodeAt(changeOperator(sample, [0], 'is_empty'), [0])).toEqual(condition('country', 'is_empty', null));
    expect(nodeAt(changeOperator(changeOperator(sample, [0], 'is_empty'), [0], 'contains'), [0])).toEqual(condition('country', 'contains', ''));
  });

  it('changes attribute and segment operators, and refuses operators of another type', () => {
    const withAttribute = changeSubject(sample, [0], 'attribute', context);
    expect(nodeAt(changeOperator(withAttribute, [0], 'not_in'), [0])).toEqual({ kind: 'attribute', key: 'loyalty_tier', operator: 'not_in', value: [] });
    const withSegment = changeSubject(sample, [0], 'segment', context);
    expect(nodeAt(changeOperator(withSegment, [0], 'not_in'), [0])).toMatchObject({ operator: 'not_in', segmentId: 7 });
    expect(() => changeOperator(sample, [0], 'gt')).toThrow(RangeError);
    expect(() => changeOperator(withSegment, [0], 'eq')).toThrow(RangeError);
    expect(() => changeOperator(changeSubject(sample, [0], 'orders'), [0], 'eq')).toThrow(TypeError);
  });

  it('leaves a rule the schema accepts for every operator of every field, except those needing user input', () => {
    const needsInput = new Set(['in', 'not_in', 'before', 'after']);
    for (const field of SEGMENT_FIELD_NAMES) {
      for (const operator of operatorsFor(fieldType(field))) {
        const next = changeOperator(addCondition(emptyRule(), [], newCondition(`field:${field}`)), [0], operator);
        expect(valid(next), `${field} ${operator}`).toBe(!needsInput.has(operator));
      }
    }
  });
});

describe('convertValue', () => {
  it('keeps a number where it still fits, and defaults where it does not', () => {
    expect(convertValue(150, 'number', 'percent')).toBe(10);
    expect(convertValue(2.5, 'number', 'days')).toBe(30);
    expect(convertValue(14, 'percent', 'days')).toBe(14);
    expect(convertValue(Number.NaN, 'number', 'range')).toEqual([0, 0]);
    expect(convertValue([3, 8], 'range', 'number')).toBe(3);
  });

  it('moves between one text and a list, and starts dates and empties afresh', () => {
    expect(convertValue('  DE ', 'text', 'list')).toEqual(['DE']);
    expect(convertValue('', 'text', 'list')).toEqual([]);
    expect(convertValue([], 'list', 'text')).toBe('');
    expect(convertValue('DE', 'text', 'date')).toBe('');
    expect(convertValue('DE', 'text', 'none')).toBeNull();
    expect(convertValue(null, 'none', 'number')).toBe(0);
  });
});

describe('limits', () => {
  const nested = (depth: number): SegmentRule => {
    let inner: SegmentGroup = group('and', condition('age', 'gt', 30));
    for (let level = 1; level < depth; level++) inner = group('and', inner);
    return rule(inner);
  };

  it(`allows groups ${MAX_GROUP_DEPTH} levels deep and no deeper`, () => {
    const deepest = nested(MAX_GROUP_DEPTH);
    const innermost = Array.from({ length: MAX_GROUP_DEPTH - 1 }, () => 0);
    expect(addGroupBlockedReason(deepest, innermost.slice(0, -1))).toBeNull();
    expect(addGroupBlockedReason(deepest, innermost)).toMatch(/at most 5 levels/);
    expect(addConditionBlockedReason(deepest, innermost)).toBeNull();
    expect(valid(addGroup(deepest, innermost.slice(0, -1)))).toBe(true);
    expect(valid(addGroup(deepest, innermost))).toBe(false);
  });

  it(`stops at ${MAX_CONDITIONS} conditions in the whole rule`, () => {
    let full = emptyRule();
    for (let i = 0; i < MAX_CONDITIONS - 1; i++) full = addCondition(full, [], newCondition());
    expect(addConditionBlockedReason(full, [])).toBeNull();
    full = addCondition(full, [], newCondition());
    expect(countConditions(full.root)).toBe(MAX_CONDITIONS);
    expect(addConditionBlockedReason(full, [])).toMatch(/at most 50 conditions/);
    expect(addGroupBlockedReason(full, [])).toMatch(/at most 50 conditions/);
  });

  it('counts conditions in nested groups', () => {
    expect(countConditions(sample.root)).toBe(4);
  });
});

describe('lists and order periods', () => {
  it('parses comma-separated values, dropping blanks', () => {
    expect(parseList(' DE, FR,, NL , ')).toEqual(['DE', 'FR', 'NL']);
    expect(parseList('')).toEqual([]);
  });

  it('switches an order condition between last N days, a date range and any time', () => {
    const base = { kind: 'orders' as const, minOrders: 2, category: 'Shoes', withinDays: 90 };
    expect(ordersPeriod(base)).toBe('within');
    const between = withOrdersPeriod(base, 'between');
    expect(between).toEqual({ kind: 'orders', minOrders: 2, category: 'Shoes', from: '', to: '' });
    expect(ordersPeriod(between)).toBe('between');
    expect(withOrdersPeriod(between, 'any')).toEqual({ kind: 'orders', minOrders: 2, category: 'Shoes' });
    expect(ordersPeriod(withOrdersPeriod(between, 'any'))).toBe('any');
    expect(withOrdersPeriod(withOrdersPeriod(between, 'any'), 'within')).toMatchObject({ withinDays: 365 });
  });
});
