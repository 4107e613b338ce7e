import type { DefaultSegmentName, SegmentRule as RfmSegment } from '@/lib/models/rfm';
import { SEGMENT_COLORS, type SegmentColor } from './segment-colors';
import type { SegmentDefinition } from './segment-store';
import type { SegmentRule } from './rule-schema';

export type SegmentTemplate = SegmentDefinition & { key: string };

type Node = SegmentRule['root']['children'][number];
const allOf = (...children: Node[]): SegmentRule => ({ version: 1, root: { kind: 'group', combinator: 'and', children } });

const RFM_COLORS: Record<DefaultSegmentName, SegmentColor> = {
  Champions: 'emerald',
  Loyal: 'teal',
  'Potential Loyalist': 'sky',
  'New Customers': 'indigo',
  Promising: 'violet',
  'Need Attention': 'amber',
  'About to Sleep': 'orange',
  'At Risk': 'rose',
  "Can't Lose Them": 'fuchsia',
  Hibernating: 'slate',
};

/** One segment per RFM segment of the workspace's scheme: together they partition the scored customers. */
export function rfmTemplates(scheme: readonly RfmSegment[]): SegmentTemplate[] {
  return scheme.map(({ name }, index) => ({
    key: `rfm:${name}`,
    name: `RFM: ${name}`,
    description: `Customers in the “${name}” segment of the RFM grid, kept in step with every recompute.`,
    color: Object.hasOwn(RFM_COLORS, name) ? RFM_COLORS[name as DefaultSegmentName] : SEGMENT_COLORS[index % SEGMENT_COLORS.length],
    rule: allOf({ kind: 'condition', field: 'rfm_segment', operator: 'eq', value: name }),
  }));
}

export const VALUE_TEMPLATES: SegmentTemplate[] = [
  {
    key: 'high-clv-at-risk',
    name: 'High CLV at risk',
    description: 'The top 20 % by revenue to date whose probability of still being a customer has fallen below 50 %.',
    color: 'rose',
    rule: allOf(
      { kind: 'condition', field: 'monetary', operator: 'top_percent', value: 20 },
      { kind: 'condition', field: 'churn_risk', operator: 'gt', value: 0.5 },
    ),
  },
  {
    key: 'new-customers',
    name: 'New customers',
    description: 'First order in the last 30 days.',
    color: 'indigo',
    rule: allOf({ kind: 'condition', field: 'first_purchase', operator: 'within_last_days', value: 30 }),
  },
  {
    key: 'one-time-buyers',
    name: 'One-time buyers',
    description: 'Bought on exactly one day: the cheapest customers to win a second purchase from.',
    color: 'amber',
    rule: allOf({ kind: 'condition', field: 'frequency', operator: 'eq', value: 1 }),
  },
  {
    key: 'lapsed-vips',
    name: 'Lapsed VIPs',
    description: 'The top 10 % by revenue to date with no purchase in the last 180 days.',
    color: 'fuchsia',
    rule: allOf(
      { kind: 'condition', field: 'monetary', operator: 'top_percent', value: 10 },
      { kind: 'condition', field: 'last_purchase', operator: 'not_within_last_days', value: 180 },
    ),
  },
];

export const TEMPLATE_SETS = ['rfm', 'value'] as const;
export type TemplateSet = (typeof TEMPLATE_SETS)[number];

export function templateSet(set: TemplateSet, scheme: readonly RfmSegment[]): SegmentTemplate[] {
  return set === 'rfm' ? rfmTemplates(scheme) : VALUE_TEMPLATES;
}
