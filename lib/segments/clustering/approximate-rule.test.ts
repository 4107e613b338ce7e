import { describe, expect, it } from 'vitest';
import { parseSegmentRule, type SegmentRule } from '../rule-schema';
import { approximateRule, featureColumns, ruleAgreement, ruleMatches } from './approximate-rule';
import type { FeatureValues } from './features';

const values = (recencyDays: number, frequency: number, monetary: number, predictedClv: number): FeatureValues => ({
  recencyDays,
  frequency,
  monetary,
  predictedClv,
});

// Five members (recency 10…50, frequency 5…9) and five others, one of them (35 days, 7) inside both member
// ranges; spend and CLV are the same for everyone.
const points = [
  values(10, 5, 100, 50),
  values(20, 6, 100, 50),
  values(30, 7, 100, 50),
  values(40, 8, 100, 50),
  values(50, 9, 100, 50),
  values(45, 1, 100, 50),
  values(200, 6, 100, 50),
  values(300, 8, 100, 50),
  values(35, 7, 100, 50),
  values(500, 3, 100, 50),
];
const isMember = [true, true, true, true, true, false, false, false, false, false];

const rule = (...children: SegmentRule['root']['children']): SegmentRule => ({ version: 1, root: { kind: 'group', combinator: 'and', children } });

describe('approximateRule', () => {
  it('adds the ranges that raise F1, as worked out by hand', () => {
    // Member ends, rounded outwards: recency lower 14 (10th pct), 12 (5th), 10 (1st: 10.4), 10 (min); upper 46,
    // 48, 50 (99th: 49.6), 50 (max). Frequency: every lower end 5, every upper end 9. F1 = 2·members matched /
    // (matched + 5); everyone: 10/15.
    // Round 1: recency ≤50 keeps the 5 members + 45 and 35 → 10/12 = .833 (≤46 or ≤48: 8/11; ≥ ends: at most
    // 10/15; [10, 50] ties and the one-sided comes first); frequency ≥5: 5 members + 3 others → 10/13; spend, CLV
    // 10/15. Round 2 among those 7: frequency ≥5 drops 45 → 10/11 = .909. Round 3: spend and CLV change nothing.
    // The rule matches the 5 members and 35: precision 5/6, recall 1.
    const { rule: approximation, agreement } = approximateRule(featureColumns(points), isMember);
    expect(approximation).toEqual(
      rule(
        { kind: 'condition', field: 'recency_days', operator: 'lte', value: 50 },
        { kind: 'condition', field: 'frequency', operator: 'gte', value: 5 },
      ),
    );
    expect(agreement.precision).toBeCloseTo(5 / 6, 12);
    expect(agreement.recall).toBe(1);
    expect(parseSegmentRule(approximation)).toEqual({ success: true, rule: approximation });
  });

  it('rounds money outwards to the cent and uses a two-sided range where it beats either end', () => {
    // Only spend differs. Members 10.006, 20, 30, 40, 50.004: lower ends 14.00 (14.0036), 12.00, 10.40, 10.00
    // (min: floored, not rounded to 10.01); upper ends 46.01 (46.0024), 48.01, 49.61, 50.01 (max: not 50.00).
    // Others spend 5, 47, 100, 200, 300.
    // [10.00, 50.01]: 5 members + 47 → 10/11 = .909. Best one-sided: ≤50.01 also keeps 5 → 10/12; ≥10.00 keeps
    // everyone above 5 → 10/14. Ranges losing a member: [10.00, 46.01] 4 members alone → 8/9 = .889; the rest
    // lower. Precision 5/6, recall 1.
    const spenders = [10.006, 20, 30, 40, 50.004, 5, 47, 100, 200, 300].map((monetary) => values(30, 2, monetary, 80));
    const { rule: approximation, agreement } = approximateRule(featureColumns(spenders), isMember);
    expect(approximation).toEqual(rule({ kind: 'condition', field: 'monetary', operator: 'between', value: [10, 50.01] }));
    expect(agreement.precision).toBeCloseTo(5 / 6, 12);
    expect(agreement.recall).toBe(1);
    expect(parseSegmentRule(approximation).success).toBe(true);
  });

  it('trims to the 10th–90th percentile when outlying members would bring in many others', () => {
    // Recency only. Members 0, 10, …, 90 and 1000: lower ends 10, 5, 1, 0; upper ends 90, then 545 and 909 (the
    // outlier drags the wider ones out) and 1000. Others: 5, and 95 to 985 in steps of 10 (90 customers).
    // ≤90 (or [0, 90]): 10 members + 5 → 20/(11 + 11) = .909; [10, 90]: 9 members alone → 18/20 = .9;
    // [5, 90]: 9 + 1 → 18/21. Any upper end past 90 keeps dozens of others. So ≤90, the one-sided of the tie.
    const recency = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 1000, 5, ...Array.from({ length: 90 }, (_, i) => 95 + 10 * i)];
    const cluster = recency.map((_, i) => i < 11);
    const { rule: approximation, agreement } = approximateRule(featureColumns(recency.map((days) => values(days, 1, 10, 10))), cluster);
    expect(approximation).toEqual(rule({ kind: 'condition', field: 'recency_days', operator: 'lte', value: 90 }));
    expect(agreement.precision).toBeCloseTo(10 / 11, 12);
    expect(agreement.recall).toBeCloseTo(10 / 11, 12);
  });

  it('refuses a cluster without members', () => {
    expect(() => approximateRule(featureColumns(points), new Array(10).fill(false))).toThrow(RangeError);
  });
});

describe('ruleAgreement', () => {
  const columns = featureColumns(points);

  it('counts precision and recall of a given rule with inclusive bounds', () => {
    // recency between 10 and 45, both ends included: members 10…40 and the others at 45 and 35 → 4 of 6 matched
    // are members (precision 2/3), 4 of 5 members matched (recall .8).
    const recent = ruleAgreement(rule({ kind: 'condition', field: 'recency_days', operator: 'between', value: [10, 45] }), columns, isMember);
    expect(recent.precision).toBeCloseTo(2 / 3, 12);
    expect(recent.recall).toBe(0.8);
    // frequency > 6: members 7, 8, 9 and the others at 8 and 7 → precision 3/5, recall 3/5.
    expect(ruleAgreement(rule({ kind: 'condition', field: 'frequency', operator: 'gt', value: 6 }), columns, isMember)).toEqual({
      precision: 0.6,
      recall: 0.6,
    });
  });

  it('evaluates or-groups and reports 0 when the rule matches nobody', () => {
    const either: SegmentRule = {
      version: 1,
      root: {
        kind: 'group',
        combinator: 'or',
        children: [
          { kind: 'condition', field: 'recency_days', operator: 'lt', value: 15 },
          { kind: 'condition', field: 'frequency', operator: 'eq', value: 9 },
        ],
      },
    };
    expect(Array.from(ruleMatches(either, columns))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(ruleAgreement(either, columns, isMember)).toEqual({ precision: 1, recall: 0.4 });
    expect(ruleAgreement(rule({ kind: 'condition', field: 'monetary', operator: 'lt', value: 0 }), columns, isMember)).toEqual({ precision: 0, recall: 0 });
  });

  it('refuses fields the clustering does not measure', () => {
    expect(() => ruleMatches(rule({ kind: 'condition', field: 'age', operator: 'gt', value: 30 }), columns)).toThrow(/age/);
    expect(() => ruleMatches(rule({ kind: 'condition', field: 'monetary', operator: 'top_percent', value: 10 }), columns)).toThrow(/top_percent/);
    expect(() => ruleMatches(rule({ kind: 'segment', segmentId: 4, operator: 'in' }), columns)).toThrow(/segment condition/);
  });
});
