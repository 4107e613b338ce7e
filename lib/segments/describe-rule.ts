import { SEGMENT_FIELDS } from './fields';
import type { SegmentGroup, SegmentRule } from './rule-schema';

export type RuleLine = { depth: number; text: string };

type Node = SegmentGroup['children'][number];

const COMPARISON_WORDS: Record<string, string> = { eq: 'is', neq: 'is not', lt: 'is under', lte: 'is at most', gt: 'is over', gte: 'is at least' };

const quote = (value: unknown) => `“${String(value)}”`;
const list = (values: readonly string[]) => values.map(quote).join(', ');

function describeComparison(subject: string, operator: string, value: unknown): string {
  switch (operator) {
    case 'between': {
      const [min, max] = value as [number, number];
      return `${subject} is between ${min} and ${max}`;
    }
    case 'in':
      return `${subject} is one of ${list(value as string[])}`;
    case 'not_in':
      return `${subject} is none of ${list(value as string[])}`;
    case 'contains':
      return `${subject} contains ${quote(value)}`;
    case 'is_empty':
      return `${subject} is empty`;
    case 'is_true':
      return `${subject}: yes`;
    case 'is_false':
      return `${subject}: no`;
    case 'within_last_days':
      return `${subject} within the last ${value} days`;
    case 'not_within_last_days':
      return `${subject} not within the last ${value} days`;
    case 'before':
      return `${subject} before ${value}`;
    case 'after':
      return `${subject} after ${value}`;
    case 'top_percent':
      return `${subject} in the top ${value} %`;
    case 'bottom_percent':
      return `${subject} in the bottom ${value} %`;
    default:
      return `${subject} ${COMPARISON_WORDS[operator] ?? operator} ${typeof value === 'string' ? quote(value) : value}`;
  }
}

function describeNode(node: Node, segmentNames: Map<number, string>): string {
  switch (node.kind) {
    case 'condition':
      return describeComparison(SEGMENT_FIELDS[node.field].label, node.operator, node.value);
    case 'attribute':
      return describeComparison(`Attribute ${quote(node.key)}`, node.operator, node.value);
    case 'segment': {
      const name = segmentNames.get(node.segmentId) ?? `segment #${node.segmentId}`;
      return `${node.operator === 'in' ? 'Is' : 'Is not'} in ${quote(name)}`;
    }
    case 'orders': {
      const parts = [`At least ${node.minOrders} order${node.minOrders === 1 ? '' : 's'}`];
      if (node.category) parts.push(`in category ${quote(node.category)}`);
      if (node.withinDays) parts.push(`within the last ${node.withinDays} days`);
      if (node.from && node.to) parts.push(`between ${node.from} and ${node.to}`);
      else if (node.from) parts.push(`since ${node.from}`);
      else if (node.to) parts.push(`up to ${node.to}`);
      return parts.join(' ');
    }
    case 'group':
      return node.combinator === 'and' ? 'All of:' : 'Any of:';
  }
}

/** The rule in words, one line per condition and group header, indented by nesting depth. */
export function describeRule(rule: SegmentRule, segmentNames: Map<number, string> = new Map()): RuleLine[] {
  const lines: RuleLine[] = [];
  const visit = (group: SegmentGroup, depth: number) => {
    lines.push({ depth, text: describeNode(group, segmentNames) });
    for (const child of group.children) {
      if (child.kind === 'group') visit(child, depth + 1);
      else lines.push({ depth: depth + 1, text: describeNode(child, segmentNames) });
    }
  };
  visit(rule.root, 0);
  return lines;
}
