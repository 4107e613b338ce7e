import type { SegmentFieldName } from '../fields';
import type { SegmentCondition, SegmentRule } from '../rule-schema';
import { CLUSTER_FEATURES, type ClusterFeature, type FeatureValues } from './features';
import { percentileOfSorted } from './percentile';

export const RULE_FIELDS: Record<ClusterFeature, SegmentFieldName> = {
  recencyDays: 'recency_days',
  frequency: 'frequency',
  monetary: 'monetary',
  predictedClv: 'predicted_clv',
};

/**
 * Ends a measure's range may take, as percentiles of the cluster's members: from the 10th–90th percentile,
 * which trims outliers, out to the members' minimum and maximum, which keeps every member.
 */
export const LOWER_END_PERCENTILES = [0.1, 0.05, 0.01, 0] as const;
export const UPPER_END_PERCENTILES = [0.9, 0.95, 0.99, 1] as const;
/** A further condition is kept only if it raises the rule's F1 against true membership by this much. */
export const MIN_F1_GAIN = 0.01;
// Whole days and purchase days; money to the cent.
const DECIMALS: Record<ClusterFeature, number> = { recencyDays: 0, frequency: 0, monetary: 2, predictedClv: 2 };

export type RuleAgreement = {
  /** Share of the customers the rule matches that are in the cluster. */
  precision: number;
  /** Share of the cluster's customers that the rule matches. */
  recall: number;
};

type Range = { feature: ClusterFeature; lower: number | null; upper: number | null };
// A candidate range by the rungs of its ends in the ladders above; NO_END stands for an open end.
type Candidate = Range & { lowerRung: number; upperRung: number };
const NO_END = LOWER_END_PERCENTILES.length;

/** The measures of every customer as one array per measure, the shape the rule search scans fastest. */
export type FeatureColumns = Record<ClusterFeature, Float64Array>;

export function featureColumns(points: readonly FeatureValues[]): FeatureColumns {
  const columns = {} as FeatureColumns;
  for (const feature of CLUSTER_FEATURES) columns[feature] = Float64Array.from(points, (point) => point[feature]);
  return columns;
}

// Bounds round outwards so the rounded range still holds the percentiles; the epsilon keeps 12.34 at 12.34.
const roundDown = (value: number, decimals: number) => Math.floor(value * 10 ** decimals + 1e-6) / 10 ** decimals;
const roundUp = (value: number, decimals: number) => Math.ceil(value * 10 ** decimals - 1e-6) / 10 ** decimals;

function conditionOf(range: Range): SegmentCondition {
  const field = RULE_FIELDS[range.feature];
  if (range.lower !== null && range.upper !== null) return { kind: 'condition', field, operator: 'between', value: [range.lower, range.upper] };
  if (range.lower !== null) return { kind: 'condition', field, operator: 'gte', value: range.lower };
  return { kind: 'condition', field, operator: 'lte', value: range.upper! };
}

const FEATURE_BY_FIELD = new Map(CLUSTER_FEATURES.map((feature) => [RULE_FIELDS[feature], feature]));

function numberTest(condition: SegmentCondition): (value: number) => boolean {
  if (condition.operator === 'between') {
    const [min, max] = condition.value;
    return (value) => value >= min && value <= max;
  }
  const bound = condition.value;
  if (typeof bound !== 'number') throw new RangeError(`operator ${condition.operator} on ${condition.field} needs a number`);
  switch (condition.operator) {
    case 'eq':
      return (value) => value === bound;
    case 'neq':
      return (value) => value !== bound;
    case 'lt':
      return (value) => value < bound;
    case 'lte':
      return (value) => value <= bound;
    case 'gt':
      return (value) => value > bound;
    case 'gte':
      return (value) => value >= bound;
    default:
      throw new RangeError(`operator ${condition.operator} is not a number comparison`);
  }
}

type RuleNode = SegmentRule['root'] | SegmentRule['root']['children'][number];

function nodeMatches(node: RuleNode, columns: FeatureColumns, n: number): Uint8Array {
  if (node.kind !== 'group' && node.kind !== 'condition') throw new RangeError(`a ${node.kind} condition is not one of the clustering measures`);
  if (node.kind === 'condition') {
    const feature = FEATURE_BY_FIELD.get(node.field);
    if (feature === undefined) throw new RangeError(`field ${node.field} is not one of the clustering measures`);
    const test = numberTest(node);
    const values = columns[feature];
    const result = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (test(values[i])) result[i] = 1;
    return result;
  }
  const result = new Uint8Array(n).fill(node.combinator === 'and' ? 1 : 0);
  for (const child of node.children) {
    const matches = nodeMatches(child, columns, n);
    if (node.combinator === 'and') for (let i = 0; i < n; i++) result[i] &= matches[i];
    else for (let i = 0; i < n; i++) result[i] |= matches[i];
  }
  return result;
}

/**
 * 1 for each customer the rule selects, for rules over recency_days, frequency, monetary and predicted_clv
 * only; bounds are inclusive as in the SQL the rule compiles to.
 */
export function ruleMatches(rule: SegmentRule, columns: FeatureColumns): Uint8Array {
  return nodeMatches(rule.root, columns, columns.recencyDays.length);
}

/** Precision and recall of the rule against true membership; 0 where the rule or the cluster is empty. */
export function ruleAgreement(rule: SegmentRule, columns: FeatureColumns, isMember: ArrayLike<boolean | number>): RuleAgreement {
  const matches = ruleMatches(rule, columns);
  let matched = 0;
  let matchedMembers = 0;
  let members = 0;
  for (let i = 0; i < matches.length; i++) {
    matched += matches[i];
    if (isMember[i]) {
      members++;
      matchedMembers += matches[i];
    }
  }
  return { precision: matched > 0 ? matchedMembers / matched : 0, recall: members > 0 ? matchedMembers / members : 0 };
}

/** A measure's candidate ranges: one-sided ones first, so that on a tie the simpler condition wins. */
function candidateRanges(feature: ClusterFeature, sortedMemberValues: Float64Array): Candidate[] {
  const lowerEnds = LOWER_END_PERCENTILES.map((p) => roundDown(percentileOfSorted(sortedMemberValues, p), DECIMALS[feature]));
  const upperEnds = UPPER_END_PERCENTILES.map((p) => roundUp(percentileOfSorted(sortedMemberValues, p), DECIMALS[feature]));
  const rungs = lowerEnds.map((_, rung) => rung);
  return [
    ...rungs.map((l) => ({ feature, lower: lowerEnds[l], upper: null, lowerRung: l, upperRung: NO_END })),
    ...rungs.map((u) => ({ feature, lower: null, upper: upperEnds[u], lowerRung: NO_END, upperRung: u })),
    ...rungs.flatMap((l) => rungs.map((u) => ({ feature, lower: lowerEnds[l], upper: upperEnds[u], lowerRung: l, upperRung: u }))),
  ];
}

/**
 * An AND of ranges that approximates a cluster. Each measure offers ranges with ends from the ladders above
 * (rounded outwards: whole days and purchase days, money to the cent), or just a lower or an upper end.
 * Ranges are added greedily, the one that raises F1 against true membership most first, while one raises it
 * by at least MIN_F1_GAIN: so only measures that discriminate appear, and at least one always does (a rule
 * needs a condition).
 */
export function approximateRule(columns: FeatureColumns, isMember: ArrayLike<boolean | number>): { rule: SegmentRule; agreement: RuleAgreement } {
  const n = columns.recencyDays.length;
  const member = new Uint8Array(n);
  let members = 0;
  for (let i = 0; i < n; i++) if (isMember[i]) members += member[i] = 1;
  if (members === 0) throw new RangeError('a cluster to approximate needs at least one member');
  const candidatesByFeature = CLUSTER_FEATURES.map((feature) => {
    const values = columns[feature];
    const memberValues = new Float64Array(members);
    for (let i = 0, j = 0; i < n; i++) if (member[i]) memberValues[j++] = values[i];
    return candidateRanges(feature, memberValues.sort());
  });

  // The customers every chosen range admits; each round scans only these.
  let admitted = new Int32Array(n);
  for (let i = 0; i < n; i++) admitted[i] = i;
  let f1 = (2 * members) / (n + members);
  const chosen: Range[] = [];
  const cells = NO_END + 1;
  while (chosen.length < CLUSTER_FEATURES.length) {
    let best: { range: Range; f1: number } | null = null;
    for (const candidates of candidatesByFeature) {
      const { feature } = candidates[0];
      if (chosen.some((range) => range.feature === feature)) continue;
      const lowerEnds = candidates.slice(0, NO_END).map((candidate) => candidate.lower!);
      const upperEnds = candidates.slice(NO_END, 2 * NO_END).map((candidate) => candidate.upper!);
      // One pass: tally customers by the first (tightest) rung of each ladder their value still meets.
      const admittedTally = new Float64Array(cells * cells);
      const memberTally = new Float64Array(cells * cells);
      const values = columns[feature];
      for (let a = 0; a < admitted.length; a++) {
        const i = admitted[a];
        let l = 0;
        while (l < NO_END && values[i] < lowerEnds[l]) l++;
        let u = 0;
        while (u < NO_END && values[i] > upperEnds[u]) u++;
        admittedTally[l * cells + u]++;
        memberTally[l * cells + u] += member[i];
      }
      for (const candidate of candidates) {
        let matched = 0;
        let matchedMembers = 0;
        for (let l = 0; l <= candidate.lowerRung; l++) {
          for (let u = 0; u <= candidate.upperRung; u++) {
            matched += admittedTally[l * cells + u];
            matchedMembers += memberTally[l * cells + u];
          }
        }
        const candidateF1 = (2 * matchedMembers) / (matched + members);
        if (best === null || candidateF1 > best.f1) best = { range: candidate, f1: candidateF1 };
      }
    }
    if (best === null || (chosen.length > 0 && best.f1 < f1 + MIN_F1_GAIN)) break;
    const { feature, lower, upper } = best.range;
    const values = columns[feature];
    admitted = admitted.filter((i) => (lower === null || values[i] >= lower) && (upper === null || values[i] <= upper));
    chosen.push({ feature, lower, upper });
    f1 = best.f1;
  }

  const ordered = CLUSTER_FEATURES.flatMap((feature) => chosen.filter((range) => range.feature === feature));
  const rule: SegmentRule = { version: 1, root: { kind: 'group', combinator: 'and', children: ordered.map(conditionOf) } };
  return { rule, agreement: ruleAgreement(rule, columns, member) };
}
