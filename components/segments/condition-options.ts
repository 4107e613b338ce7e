import {
  OPERATOR_LABELS,
  OPERATORS_BY_TYPE,
  SEGMENT_FIELDS,
  SEGMENT_FIELD_NAMES,
  isSegmentField,
  type FieldType,
  type SegmentFieldName,
} from '@/lib/segments/fields';
import type { SegmentRuleNode } from '@/lib/segments/rule-schema';

/** What the builder's selects offer, on top of the field whitelist and operator lists in lib/segments/fields.ts. */

export type FieldOperator = (typeof OPERATORS_BY_TYPE)[FieldType][number];

export function operatorsFor(type: FieldType): readonly FieldOperator[] {
  return OPERATORS_BY_TYPE[type];
}

export function operatorLabel(operator: string): string {
  return OPERATOR_LABELS[operator] ?? operator;
}

/** The operator a fresh condition on a field of this type starts with. */
export const DEFAULT_OPERATOR: Record<FieldType, FieldOperator> = {
  number: 'gte',
  text: 'eq',
  boolean: 'is_true',
  date: 'within_last_days',
};

export function fieldType(field: SegmentFieldName): FieldType {
  return SEGMENT_FIELDS[field].type;
}

/**
 * What a condition is about, as one select value: a whitelisted field (`field:recency_days`), a custom
 * attribute, order history or segment membership. Choosing another subject changes the node's kind.
 */
export type ConditionSubject = `field:${SegmentFieldName}` | 'attribute' | 'orders' | 'segment';

export function subjectOf(node: SegmentRuleNode): ConditionSubject | null {
  switch (node.kind) {
    case 'condition':
      return `field:${node.field}`;
    case 'attribute':
    case 'orders':
    case 'segment':
      return node.kind;
    default:
      return null;
  }
}

export function parseSubject(value: string): ConditionSubject | null {
  if (value === 'attribute' || value === 'orders' || value === 'segment') return value;
  const field = value.startsWith('field:') ? value.slice('field:'.length) : '';
  return isSegmentField(field) ? `field:${field}` : null;
}

export type SubjectOption = { value: ConditionSubject; label: string };
export type SubjectGroup = { label: string; options: SubjectOption[] };

function fieldOptions(include: (field: SegmentFieldName) => boolean): SubjectOption[] {
  return SEGMENT_FIELD_NAMES.filter(include).map((field) => ({ value: `field:${field}`, label: SEGMENT_FIELDS[field].label }));
}

/** The field select's optgroups, in display order; a group without fields is left out. */
export const SUBJECT_GROUPS: readonly SubjectGroup[] = (
  [
    { label: 'Customer', options: fieldOptions((f) => SEGMENT_FIELDS[f].source === 'customer' && fieldType(f) !== 'date') },
    { label: 'Value & RFM', options: fieldOptions((f) => SEGMENT_FIELDS[f].source === 'metrics' && fieldType(f) !== 'date') },
    { label: 'Dates', options: fieldOptions((f) => fieldType(f) === 'date') },
    {
      label: 'Other',
      options: [
        { value: 'attribute', label: 'Custom attribute' },
        { value: 'orders', label: 'Orders' },
        { value: 'segment', label: 'Segment membership' },
      ],
    },
  ] satisfies SubjectGroup[]
).filter((group) => group.options.length > 0);

/**
 * The shape of a condition's value, which decides its inputs: one number, a [min, max] range, a percentage
 * (0 < x ≤ 100), whole days, free text, a list of texts, a calendar date, or nothing.
 */
export type ValueShape = 'number' | 'range' | 'percent' | 'days' | 'text' | 'list' | 'date' | 'none';

/** Attribute conditions take text values, so they share the text shapes. */
export function valueShape(type: FieldType | 'attribute', operator: string): ValueShape {
  switch (operator) {
    case 'between':
      return 'range';
    case 'top_percent':
    case 'bottom_percent':
      return 'percent';
    case 'within_last_days':
    case 'not_within_last_days':
      return 'days';
    case 'before':
    case 'after':
      return 'date';
    case 'in':
    case 'not_in':
      return 'list';
    case 'is_empty':
    case 'is_true':
    case 'is_false':
      return 'none';
    default:
      return type === 'number' ? 'number' : 'text';
  }
}
