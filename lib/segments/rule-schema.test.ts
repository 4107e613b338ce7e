import { describe, expect, it } from 'vitest';
import { parseSegmentRule } from './rule-schema';

const condition = (field: string, operator: string, value?: unknown) => ({ kind: 'condition', field, operator, value });
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
});
