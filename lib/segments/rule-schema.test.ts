import { describe, expect, it } from 'vitest';
import { OPERATORS_BY_TYPE, OPERATOR_LABELS, SEGMENT_FIELDS, SEGMENT_FIELD_NAMES } from './fields';
import { parseSegmentRule } from './rule-schema';

const condition = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, value });
const attribute = (key: unknown, operator: string, value?: unknown) => ({ kind: 'attribute', key, operator, value });
const orders = (filters: Record<string, unknown>) => ({ kind: 'orders', ...filters });
const member = (segmentId: unknown, operator: unknown) => ({ kind: 'segment', segmentId, operator });
const group = (combinator: 'and' | 'or', ...children: unknown[]) => ({ kind: 'group', combinator, children });
const rule = (root: unknown) => ({ version: 1, root });

const highClvAtRiskInGermany = rule(
  group(
    'and',
    condition('country', 'eq', 'DE'),
    condition('predicted_clv', 'gt', 100),
    group('or', condition('churn_risk', 'gt', 0.5), condition('recency_days', 'gt', 90)),
    condition('frequency', 'gte', 2),
  ),
);

function errorsOf(json: unknown): string[] {
  const parsed = parseSegmentRule(json);
  if (parsed.success) throw new Error('expected the rule to be rejected');
  return parsed.errors;
}

describe('parseSegmentRule', () => {
  it('accepts "high-CLV customers at risk in Germany who bought twice"', () => {
    const parsed = parseSegmentRule(highClvAtRiskInGermany);
    expect(parsed).toEqual({ success: true, rule: highClvAtRiskInGermany });
  });

  it('accepts every operator of each field type and normalises value-less operators to null', () => {
    const parsed = parseSegmentRule(
      rule(
        group(
          'or',
          condition('monetary', 'between', [10, 10]),
          condition('region', 'in', ['North', 'South']),
          condition('rfm_segment', 'not_in', ['Lost']),
          condition('education', 'contains', '50%_off'),
          condition('gender', 'is_empty'),
          condition('marketing_consent', 'is_true', null),
        ),
      ),
    );
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.rule.root.children.at(-2)).toEqual(condition('gender', 'is_empty', null));
  });

  it('rejects an unknown field', () => {
    expect(errorsOf(rule(group('and', condition('salary', 'gt', 1))))).toEqual(['root.children.0.field: unknown field "salary"']);
  });

  it('rejects an unknown operator, and an operator of another type', () => {
    expect(errorsOf(rule(group('and', condition('country', 'like', 'D%'))))[0]).toMatch(
      /^root\.children\.0\.operator: operator "like" is not allowed on text field country/,
    );
    expect(errorsOf(rule(group('and', condition('revenue_last_90_days', 'contains', '1'))))[0]).toMatch(/not allowed on number field/);
  });

  it('rejects values of the wrong type', () => {
    expect(errorsOf(rule(group('and', condition('predicted_clv', 'gt', '100'))))).toEqual(['root.children.0.value: must be a finite number']);
    expect(errorsOf(rule(group('and', condition('country', 'eq', 49))))).toEqual(['root.children.0.value: must be a string']);
    expect(errorsOf(rule(group('and', condition('country', 'in', 'DE'))))).toEqual(['root.children.0.value: must be a list of strings']);
    expect(errorsOf(rule(group('and', condition('marketing_consent', 'is_true', true))))[0]).toMatch(/takes no value/);
    expect(errorsOf(rule(group('and', condition('age', 'gt', Number.NaN))))[0]).toMatch(/value/);
    expect(errorsOf(rule(group('and', condition('age', 'gt', Number.POSITIVE_INFINITY))))[0]).toMatch(/value/);
    expect(errorsOf(rule(group('and', condition('age', 'between', [40, 30])))))
      .toEqual(['root.children.0.value: min must not exceed max']);
    expect(errorsOf(rule(group('and', condition('country', 'eq', 'a\u0000b'))))[0]).toMatch(/NUL/);
  });

  it('rejects six levels of nesting but accepts five', () => {
    const nested = (levels: number): unknown =>
      levels === 1 ? group('and', condition('country', 'eq', 'DE')) : group('or', nested(levels - 1));
    expect(parseSegmentRule(rule(nested(5))).success).toBe(true);
    expect(errorsOf(rule(nested(6)))).toEqual(['root: groups may nest at most 5 levels deep']);
  });

  it('rejects pathologically deep JSON before walking it', () => {
    let deep: unknown = condition('country', 'eq', 'DE');
    for (let i = 0; i < 100_000; i++) deep = group('and', deep);
    expect(errorsOf(rule(deep))).toEqual(['rule is nested too deeply']);
  });

  it('rejects more than 50 conditions and empty groups', () => {
    const many = Array.from({ length: 26 }, (_, i) => condition('age', 'gt', i));
    expect(errorsOf(rule(group('and', group('or', ...many), group('or', ...many))))).toEqual(['root: a rule holds at most 50 conditions']);
    expect(errorsOf(rule(group('and')))).toEqual(['root.children: a group needs at least one condition or group']);
  });

  it('rejects a 100,000-item IN list and over-long strings', () => {
    const huge = Array.from({ length: 100_000 }, (_, i) => `v${i}`);
    expect(errorsOf(rule(group('and', condition('country', 'in', huge))))).toEqual(['root.children.0.value: must list at most 1000 values']);
    expect(errorsOf(rule(group('and', condition('country', 'in', ['x'.repeat(201)])))))
      .toEqual(['root.children.0.value.0: must be at most 200 characters']);
  });

  it('rejects SQL text in a field name, unknown keys, and a wrong version', () => {
    expect(errorsOf(rule(group('and', condition('country; drop table customers; --', 'eq', 'DE'))))).toEqual([
      'root.children.0.field: unknown field "country; drop table customers; --"',
    ]);
    expect(errorsOf(rule(group('and', { ...condition('country', 'eq', 'DE'), sql: '1=1' }))).join()).toMatch(/sql/);
    expect(errorsOf({ version: 2, root: group('and', condition('country', 'eq', 'DE')) })).toEqual([
      'version: unsupported rule version (expected 1)',
    ]);
    expect(errorsOf(null).length).toBeGreaterThan(0);
  });

  it('accepts the date fields with each date operator', () => {
    const dates = [
      condition('first_purchase', 'within_last_days', 30),
      condition('last_purchase', 'not_within_last_days', 36500),
      condition('signup_date', 'before', '2024-02-29'),
      condition('signup_date', 'after', '1900-01-01'),
      condition('last_purchase', 'is_empty', null),
    ];
    expect(parseSegmentRule(rule(group('and', ...dates)))).toEqual({ success: true, rule: rule(group('and', ...dates)) });
    expect(OPERATORS_BY_TYPE.date).toEqual(['within_last_days', 'not_within_last_days', 'before', 'after', 'is_empty']);
    expect(SEGMENT_FIELD_NAMES.filter((name) => SEGMENT_FIELDS[name].type === 'date')).toEqual(['signup_date', 'first_purchase', 'last_purchase']);
  });

  it('rejects day counts and dates that are not real', () => {
    const rejects = (operator: string, value: unknown) => errorsOf(rule(group('and', condition('signup_date', operator, value))));
    expect(rejects('within_last_days', 0)).toEqual(['root.children.0.value: must be a whole number from 1 to 36500']);
    expect(rejects('within_last_days', 36501)).toEqual(['root.children.0.value: must be a whole number from 1 to 36500']);
    expect(rejects('not_within_last_days', 1.5)).toEqual(['root.children.0.value: must be a whole number from 1 to 36500']);
    expect(rejects('not_within_last_days', '30')).toEqual(['root.children.0.value: must be a whole number from 1 to 36500']);
    expect(rejects('before', '2023-02-30')).toEqual(['root.children.0.value: 2023-02-30 is not a real date']);
    expect(rejects('before', '1900-02-29')).toEqual(['root.children.0.value: 1900-02-29 is not a real date']);
    expect(rejects('after', '2024-13-01')).toEqual(['root.children.0.value: 2024-13-01 is not a real date']);
    expect(rejects('after', '0000-01-01')).toEqual(['root.children.0.value: 0000-01-01 is out of range (years 1900 to 2100)']);
    expect(rejects('after', '2024-1-5')).toEqual(['root.children.0.value: must be a date written YYYY-MM-DD']);
    expect(rejects('after', '2024-01-05T00:00:00Z')).toEqual(['root.children.0.value: must be a date written YYYY-MM-DD']);
    expect(rejects('after', 20240105)).toEqual(['root.children.0.value: must be a date written YYYY-MM-DD']);
    expect(rejects('is_empty', '2024-01-05')[0]).toMatch(/^root\.children\.0\.value: takes no value/);
    expect(rejects('gt', '2024-01-05')[0]).toMatch(/^root\.children\.0\.operator: operator "gt" is not allowed on date field signup_date \(use within_last_days,/);
  });

  it('accepts top and bottom percent on number fields only, in (0, 100]', () => {
    const ranked = [condition('monetary', 'top_percent', 100), condition('churn_risk', 'bottom_percent', 0.5)];
    expect(parseSegmentRule(rule(group('or', ...ranked)))).toEqual({ success: true, rule: rule(group('or', ...ranked)) });
    const message = 'root.children.0.value: must be a percentage above 0 and at most 100';
    for (const bad of [0, -5, 100.01, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '10', null])
      expect(errorsOf(rule(group('and', condition('monetary', 'top_percent', bad)))), String(bad)).toEqual([message]);
    expect(errorsOf(rule(group('and', condition('country', 'top_percent', 10))))[0]).toMatch(/operator "top_percent" is not allowed on text field country/);
  });

  it('accepts custom attribute conditions with every text operator, binding odd but allowed keys', () => {
    const attributes = [
      attribute('tier', 'eq', 'gold'),
      attribute('favourite colour', 'neq', 'red'),
      attribute('source.campaign-2024_Q1', 'in', ['spring', 'summer']),
      attribute('x', 'not_in', ['a']),
      attribute('y'.repeat(64), 'contains', "50%_'off"),
      attribute('tier', 'is_empty', null),
    ];
    expect(parseSegmentRule(rule(group('or', ...attributes)))).toEqual({ success: true, rule: rule(group('or', ...attributes)) });
  });

  it('rejects attribute keys outside the allowed characters and bad attribute operators or values', () => {
    const rejects = (node: unknown) => errorsOf(rule(group('and', node)));
    const charset = 'root.children.0.key: may hold only letters, digits, spaces, "_", "." and "-"';
    expect(rejects(attribute("tier') or true --", 'eq', 'x'))).toEqual([charset]);
    expect(rejects(attribute('tier"', 'eq', 'x'))).toEqual([charset]);
    expect(rejects(attribute('ключ', 'eq', 'x'))).toEqual([charset]);
    expect(rejects(attribute('a\u0000b', 'eq', 'x'))).toEqual([charset]);
    expect(rejects(attribute('', 'eq', 'x'))).toContain('root.children.0.key: must be 1 to 64 characters');
    expect(rejects(attribute('k'.repeat(65), 'eq', 'x'))).toEqual(['root.children.0.key: must be 1 to 64 characters']);
    expect(rejects(attribute(42, 'eq', 'x'))).toEqual(['root.children.0.key: must be a string']);
    expect(rejects(attribute('tier', 'gt', 'x'))[0]).toMatch(/^root\.children\.0\.operator: operator "gt" is not allowed on attribute conditions \(use eq, neq, in, not_in, contains, is_empty\)$/);
    expect(rejects(attribute('tier', 'eq', 5))).toEqual(['root.children.0.value: must be a string']);
    expect(rejects(attribute('tier', 'in', []))).toEqual(['root.children.0.value: must list at least one value']);
    expect(rejects({ ...attribute('tier', 'eq', 'x'), field: 'country' }).join()).toMatch(/field/);
  });

  it('accepts order conditions with each combination of filters', () => {
    const conditions = [
      orders({ minOrders: 1 }),
      orders({ minOrders: 1, category: 'Shoes', withinDays: 30 }),
      orders({ minOrders: 3, from: '2024-01-01', to: '2024-03-31' }),
      orders({ minOrders: 100000, category: null, from: '2024-02-29', to: '2024-02-29' }),
      orders({ minOrders: 2, to: '2024-12-31' }),
    ];
    expect(parseSegmentRule(rule(group('or', ...conditions)))).toEqual({ success: true, rule: rule(group('or', ...conditions)) });
  });

  it('rejects order conditions with bad counts, windows, dates or categories', () => {
    const rejects = (filters: Record<string, unknown>) => errorsOf(rule(group('and', condition('country', 'eq', 'DE'), orders(filters))));
    const count = 'root.children.1.minOrders: must be a whole number from 1 to 100000';
    expect(rejects({})).toEqual([count]);
    expect(rejects({ minOrders: 0 })).toEqual([count]);
    expect(rejects({ minOrders: 100001 })).toEqual([count]);
    expect(rejects({ minOrders: 2.5 })).toEqual([count]);
    expect(rejects({ minOrders: 1e308 })).toEqual([count]);
    expect(rejects({ minOrders: '3' })).toEqual([count]);
    expect(rejects({ minOrders: 1, withinDays: 0 })).toEqual(['root.children.1.withinDays: must be a whole number from 1 to 36500']);
    expect(rejects({ minOrders: 1, withinDays: null })).toEqual(['root.children.1.withinDays: must be a whole number from 1 to 36500']);
    expect(rejects({ minOrders: 1, withinDays: 30, from: '2024-01-01' })).toEqual([
      'root.children.1.withinDays: cannot be combined with from or to (use either the last N days or a date range)',
    ]);
    expect(rejects({ minOrders: 1, withinDays: 30, to: '2024-01-01' })[0]).toMatch(/withinDays: cannot be combined/);
    expect(rejects({ minOrders: 1, from: '2024-03-02', to: '2024-03-01' })).toEqual(['root.children.1.to: must not be before from']);
    expect(rejects({ minOrders: 1, from: '2023-02-29' })).toEqual(['root.children.1.from: 2023-02-29 is not a real date']);
    expect(rejects({ minOrders: 1, to: '31/12/2024' })).toEqual(['root.children.1.to: must be a date written YYYY-MM-DD']);
    expect(rejects({ minOrders: 1, category: '' })).toEqual(['root.children.1.category: must not be blank (use null for orders of any category)']);
    expect(rejects({ minOrders: 1, category: 7 })).toEqual(['root.children.1.category: must be a string']);
    expect(rejects({ minOrders: 1, category: 'x'.repeat(201) })).toEqual(['root.children.1.category: must be at most 200 characters']);
    expect(rejects({ minOrders: 1, product: 'Shoes' }).join()).toMatch(/product/);
  });

  it('accepts segment membership conditions and rejects bad ids and operators', () => {
    const members = [member(1, 'in'), member(9007199254740991, 'not_in')];
    expect(parseSegmentRule(rule(group('and', ...members)))).toEqual({ success: true, rule: rule(group('and', ...members)) });
    const id = 'root.children.0.segmentId: must be a segment id (a positive whole number)';
    for (const bad of [0, -3, 1.5, 2 ** 53, '7', null]) expect(errorsOf(rule(group('and', member(bad, 'in')))), String(bad)).toEqual([id]);
    expect(errorsOf(rule(group('and', member(3, 'eq'))))).toEqual(['root.children.0.operator: must be "in" or "not_in"']);
    expect(errorsOf(rule(group('and', { ...member(3, 'in'), value: 3 }))).join()).toMatch(/value/);
  });

  it('rejects an unknown node kind naming the kinds there are', () => {
    expect(errorsOf(rule(group('and', { kind: 'sql', text: '1=1' })))).toEqual([
      'root.children.0: must be a group or a condition (kind "group", "condition", "attribute", "orders" or "segment")',
    ]);
    expect(errorsOf(rule(group('and', { kind: '__proto__' })))[0]).toMatch(/^root\.children\.0: must be a group or a condition/);
  });

  it('counts every kind of condition towards the limit of 50', () => {
    const mixed = (n: number) =>
      Array.from({ length: n }, (_, i) => [condition('age', 'gt', i), attribute('tier', 'eq', `t${i}`), orders({ minOrders: i + 1 }), member(i + 1, 'in')][i % 4]);
    expect(parseSegmentRule(rule(group('and', group('or', ...mixed(25)), group('or', ...mixed(25))))).success).toBe(true);
    expect(errorsOf(rule(group('and', group('or', ...mixed(25)), group('or', ...mixed(26)))))).toEqual(['root: a rule holds at most 50 conditions']);
  });

  it('labels every operator for the rule builder', () => {
    const operators = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())].sort();
    expect(Object.keys(OPERATOR_LABELS).sort()).toEqual(operators);
    expect(OPERATOR_LABELS).toMatchObject({ neq: '≠', lte: '≤', not_in: 'is not one of', within_last_days: 'within the last … days', top_percent: 'in the top … %' });
  });
});
