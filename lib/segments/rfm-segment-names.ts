import type { SegmentRule, SegmentRuleNode } from './rule-schema';
import type { SegmentWarning } from './segment-warnings';

/** Operators whose value is RFM segment names, which must be names of the workspace's scheme. */
const NAMING_OPERATORS: ReadonlySet<string> = new Set(['eq', 'neq', 'in', 'not_in']);

/** A condition naming RFM segments the scheme lacks, at its node's path (`root.children.0`). */
export type UnknownRfmSegments = { location: string; names: string[] };

/**
 * The rule's RFM segment conditions that name segments the workspace's scheme does not have: such a condition
 * matches nobody (or, negated, everybody), which is never what its author meant.
 */
export function unknownRfmSegments(rule: SegmentRule, schemeNames: ReadonlySet<string>): UnknownRfmSegments[] {
  const found: UnknownRfmSegments[] = [];
  const visit = (node: SegmentRuleNode, location: string) => {
    if (node.kind === 'group') {
      node.children.forEach((child, index) => visit(child, `${location}.children.${index}`));
      return;
    }
    if (node.kind !== 'condition' || node.field !== 'rfm_segment' || !NAMING_OPERATORS.has(node.operator)) return;
    const values: unknown[] = Array.isArray(node.value) ? node.value : [node.value];
    const names = values.filter((value): value is string => typeof value === 'string' && !schemeNames.has(value));
    if (names.length > 0) found.push({ location, names: [...new Set(names)] });
  };
  visit(rule.root, 'root');
  return found;
}

export function quoteNames(names: readonly string[]): string {
  return names.map((name) => `“${name}”`).join(', ');
}

/** The save errors, one per condition, in the builder's `path: message` form so each shows on its condition. */
export function unknownRfmSegmentErrors(unknown: readonly UnknownRfmSegments[]): string[] {
  return unknown.map(
    ({ location, names }) => `${location}.value: ${quoteNames(names)} ${names.length === 1 ? 'is not an RFM segment' : 'are not RFM segments'} of this workspace`,
  );
}

/** What a saved segment's page and the segment list say when its rule names RFM segments the scheme dropped. */
export function unknownRfmSegmentsMessage(unknown: readonly UnknownRfmSegments[]): string {
  const names = [...new Set(unknown.flatMap((condition) => condition.names))];
  const subject = names.length === 1 ? `RFM segment ${quoteNames(names)}, which is` : `RFM segments ${quoteNames(names)}, which are`;
  return `The rule names ${subject} not among the workspace’s RFM segments (any more): no customer is in ${names.length === 1 ? 'it' : 'them'}. Edit the rule to choose current segments.`;
}

/** One warning per saved rule that names RFM segments the workspace's scheme does not have. */
export function unknownRfmSegmentWarnings(segments: readonly { id: number; rule: SegmentRule | null }[], schemeNames: ReadonlySet<string>): SegmentWarning[] {
  return segments.flatMap(({ id, rule }) => {
    const unknown = rule ? unknownRfmSegments(rule, schemeNames) : [];
    if (unknown.length === 0) return [];
    return [{ kind: 'unknown_rfm_segment' as const, segmentId: id, names: [...new Set(unknown.flatMap((u) => u.names))], message: unknownRfmSegmentsMessage(unknown) }];
  });
}
