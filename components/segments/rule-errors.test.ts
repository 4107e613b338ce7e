import { describe, expect, it } from 'vitest';
import { describeDetail, describeNode, errorText, groupRuleErrors, hasErrorOn, parseRuleError } from './rule-errors';
import { MIXED_RULE } from './test-rules';

const rule = MIXED_RULE;

describe('parseRuleError', () => {
  it('splits a server message into the node path, what on the node, and the message', () => {
    expect(parseRuleError('root.children.1.value: must be a finite number')).toEqual({ path: [1], detail: ['value'], message: 'must be a finite number' });
    expect(parseRuleError('root.children.1.children.0.value.0: must be a finite number')).toEqual({
      path: [1, 0],
      detail: ['value', '0'],
      message: 'must be a finite number',
    });
    expect(parseRuleError('root.children.1.children: a group needs at least one condition or group')).toEqual({
      path: [1],
      detail: ['children'],
      message: 'a group needs at least one condition or group',
    });
    expect(parseRuleError('root: groups may nest at most 5 levels deep')).toEqual({ path: [], detail: [], message: 'groups may nest at most 5 levels deep' });
  });

  it('keeps messages without a path into the root as about the whole rule', () => {
    expect(parseRuleError('rule is nested too deeply')).toEqual({ path: null, detail: [], message: 'rule is nested too deeply' });
    expect(parseRuleError('version: unsupported rule version (expected 1)')).toEqual({
      path: null,
      detail: ['version'],
      message: 'unsupported rule version (expected 1)',
    });
    expect(parseRuleError('The rule is too large.').path).toBeNull();
  });

  it('splits at the first separator only, so messages may contain colons', () => {
    expect(parseRuleError('root.children.0.operator: operator "x" is not allowed: use eq').message).toBe('operator "x" is not allowed: use eq');
  });
});

describe('showing errors', () => {
  const errors = [
    'root.children.1.children.0.value.0: must be a finite number',
    'root.children.1.children.1.to: must not be before from',
    'root.children.1.children.1.minOrders: must be a whole number from 1 to 100000',
    'rule is nested too deeply',
  ];

  it('groups errors by node', () => {
    const byNode = groupRuleErrors(errors);
    expect([...byNode.keys()]).toEqual(['1.0', '1.1', 'rule']);
    expect(byNode.get('1.1')).toHaveLength(2);
    expect(hasErrorOn(byNode.get('1.0'), 'value')).toBe(true);
    expect(hasErrorOn(byNode.get('1.0'), 'operator')).toBe(false);
  });

  it('names the node and the part of it in words', () => {
    expect(describeNode(rule, [1, 0])).toBe('Condition 2.1');
    expect(describeNode(rule, [1])).toBe('Group 2');
    expect(describeNode(rule, [])).toBe('Rule');
    expect(describeNode(rule, null)).toBe('Rule');
    expect(describeNode(rule, [5])).toBe('Item 6');
    expect(describeDetail(['value', '0'])).toBe('Value 1');
    expect(describeDetail(['minOrders'])).toBe('Minimum orders');
    expect(describeDetail(['children'])).toBe('');
    expect(errorText(parseRuleError(errors[1]))).toBe('To date: must not be before from');
    expect(errorText(parseRuleError('root.children.1.children: a group needs at least one condition or group'))).toBe(
      'a group needs at least one condition or group',
    );
  });
});
