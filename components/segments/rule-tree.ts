import { ATTRIBUTE_OPERATORS, SEGMENT_MEMBERSHIP_OPERATORS, type SegmentFieldName } from '@/lib/segments/fields';
import {
  MAX_CONDITIONS,
  MAX_GROUP_DEPTH,
  type OrderCondition,
  type SegmentGroup,
  type SegmentLeaf,
  type SegmentRule,
  type SegmentRuleNode,
} from '@/lib/segments/rule-schema';
import { DEFAULT_OPERATOR, SUBJECT_GROUPS, fieldType, operatorsFor, subjectOf, valueShape, type ConditionSubject, type ValueShape } from './condition-options';

/** A node's position: child indexes from the root group; `[]` is the root itself. */
export type NodePath = readonly number[];

/*
 * Pure, immutable edits of a rule tree. Every function returns a new rule and copies only the groups on the
 * path to the change, so untouched subtrees keep their identity. A bad path is a programming error and throws.
 */

export type SubjectContext = { segments: readonly { id: number }[]; attributeKeys: readonly string[] };

const NO_CONTEXT: SubjectContext = { segments: [], attributeKeys: [] };

export const DEFAULT_SUBJECT: ConditionSubject = SUBJECT_GROUPS[0].options[0].value;

export function emptyRule(): SegmentRule {
  return { version: 1, root: { kind: 'group', combinator: 'and', children: [] } };
}

/** A stable string for a path: `root`, `0`, `1.2`. */
export function pathKey(path: NodePath): string {
  return path.length === 0 ? 'root' : path.join('.');
}

/** The number people see for a node: its 1-based position in each enclosing group, `2.1` for the first child of item 2. */
export function nodeNumber(path: NodePath): string {
  return path.map((index) => index + 1).join('.');
}

export function nodeAt(rule: SegmentRule, path: NodePath): SegmentRuleNode | undefined {
  let node: SegmentRuleNode = rule.root;
  for (const index of path) {
    if (node.kind !== 'group' || !node.children[index]) return undefined;
    node = node.children[index];
  }
  return node;
}

export function countConditions(group: SegmentGroup): number {
  return group.children.reduce((sum, child) => sum + (child.kind === 'group' ? countConditions(child) : 1), 0);
}

function updateAt(node: SegmentRuleNode, path: NodePath, update: (node: SegmentRuleNode) => SegmentRuleNode): SegmentRuleNode {
  if (path.length === 0) return update(node);
  const [index, ...rest] = path;
  if (node.kind !== 'group' || !node.children[index]) throw new RangeError(`no rule node at index ${index}`);
  const children = node.children.slice();
  children[index] = updateAt(node.children[index], rest, update);
  return { ...node, children };
}

/** Replaces the node at `path` with what `update` returns for it. */
export function updateNode(rule: SegmentRule, path: NodePath, update: (node: SegmentRuleNode) => SegmentRuleNode): SegmentRule {
  const root = updateAt(rule.root, path, update);
  if (root.kind !== 'group') throw new TypeError('the root of a rule must stay a group');
  return { ...rule, root };
}

export function replaceNode(rule: SegmentRule, path: NodePath, node: SegmentRuleNode): SegmentRule {
  return updateNode(rule, path, () => node);
}

function updateGroup(rule: SegmentRule, groupPath: NodePath, update: (group: SegmentGroup) => SegmentGroup): SegmentRule {
  return updateNode(rule, groupPath, (node) => {
    if (node.kind !== 'group') throw new TypeError(`node ${pathKey(groupPath)} is not a group`);
    return update(node);
  });
}

/** Why no condition can be added to the group at `groupPath`, or null when one can. */
export function addConditionBlockedReason(rule: SegmentRule, groupPath: NodePath): string | null {
  const group = nodeAt(rule, groupPath);
  if (group?.kind !== 'group') return 'Not a group.';
  if (countConditions(rule.root) >= MAX_CONDITIONS) return `A rule holds at most ${MAX_CONDITIONS} conditions.`;
  if (group.children.length >= MAX_CONDITIONS) return `A group holds at most ${MAX_CONDITIONS} items.`;
  return null;
}

/** Why no nested group can be added to the group at `groupPath`, or null when one can. The root is level 1. */
export function addGroupBlockedReason(rule: SegmentRule, groupPath: NodePath): string | null {
  if (groupPath.length + 2 > MAX_GROUP_DEPTH) return `Groups nest at most ${MAX_GROUP_DEPTH} levels deep.`;
  // A new group starts with one condition, so it needs the same room as a condition.
  return addConditionBlockedReason(rule, groupPath);
}

export function newCondition(subject: ConditionSubject = DEFAULT_SUBJECT, context: SubjectContext = NO_CONTEXT): SegmentLeaf {
  switch (subject) {
    case 'attribute':
      return { kind: 'attribute', key: context.attributeKeys[0] ?? '', operator: 'eq', value: '' };
    case 'orders':
      return { kind: 'orders', minOrders: 1, withinDays: 365 };
    case 'segment':
      // NaN (sent as null) until the user picks a segment, when there is none to default to.
      return { kind: 'segment', segmentId: context.segments[0]?.id ?? Number.NaN, operator: 'in' };
    default: {
      const field = subject.slice('field:'.length) as SegmentFieldName;
      const operator = DEFAULT_OPERATOR[fieldType(field)];
      return { kind: 'condition', field, operator, value: defaultValue(valueShape(fieldType(field), operator)) } as SegmentLeaf;
    }
  }
}

export function addCondition(rule: SegmentRule, groupPath: NodePath, condition: SegmentLeaf = newCondition()): SegmentRule {
  return updateGroup(rule, groupPath, (group) => ({ ...group, children: [...group.children, condition] }));
}

/** Adds a group holding one condition; it matches the opposite of its parent, the usual reason to nest. */
export function addGroup(rule: SegmentRule, groupPath: NodePath, condition: SegmentLeaf = newCondition()): SegmentRule {
  return updateGroup(rule, groupPath, (group) => ({
    ...group,
    children: [...group.children, { kind: 'group', combinator: group.combinator === 'and' ? 'or' : 'and', children: [condition] }],
  }));
}

export function removeNode(rule: SegmentRule, path: NodePath): SegmentRule {
  if (path.length === 0) throw new RangeError('the root group cannot be removed');
  const index = path[path.length - 1];
  return updateGroup(rule, path.slice(0, -1), (group) => {
    if (!group.children[index]) throw new RangeError(`no rule node at ${pathKey(path)}`);
    return { ...group, children: group.children.filter((_, i) => i !== index) };
  });
}

/** Swaps a node with its previous (-1) or next (+1) sibling; unchanged at either end of its group. */
export function moveNode(rule: SegmentRule, path: NodePath, offset: -1 | 1): SegmentRule {
  if (path.length === 0) return rule;
  const index = path[path.length - 1];
  const target = index + offset;
  const parent = nodeAt(rule, path.slice(0, -1));
  if (parent?.kind !== 'group' || target < 0 || target >= parent.children.length) return rule;
  return updateGroup(rule, path.slice(0, -1), (group) => {
    const children = group.children.slice();
    [children[index], children[target]] = [children[target], children[index]];
    return { ...group, children };
  });
}

export function setCombinator(rule: SegmentRule, groupPath: NodePath, combinator: SegmentGroup['combinator']): SegmentRule {
  return updateGroup(rule, groupPath, (group) => ({ ...group, combinator }));
}

/**
 * Points a condition at another field, attribute, order history or segment membership. A field of the same
 * type keeps its operator and value (so correcting a mis-picked field keeps what was typed); anything else
 * starts over with the defaults for the new subject.
 */
export function changeSubject(
  rule: SegmentRule,
  path: NodePath,
  subject: ConditionSubject,
  context: SubjectContext = NO_CONTEXT,
): SegmentRule {
  return updateNode(rule, path, (node) => {
    if (node.kind === 'group') throw new TypeError(`node ${pathKey(path)} is a group, not a condition`);
    if (subjectOf(node) === subject) return node;
    const fresh = newCondition(subject, context);
    if (node.kind === 'condition' && fresh.kind === 'condition' && fieldType(node.field) === fieldType(fresh.field)) {
      return { ...node, field: fresh.field };
    }
    return fresh;
  });
}

/** Sets a condition's operator and carries its value over into the shape the new operator takes. */
export function changeOperator(rule: SegmentRule, path: NodePath, operator: string): SegmentRule {
  return updateNode(rule, path, (node) => {
    switch (node.kind) {
      case 'condition': {
        const type = fieldType(node.field);
        if (!operatorsFor(type).includes(operator as never)) throw new RangeError(`operator ${operator} does not apply to ${type}`);
        const value = convertValue(node.value, valueShape(type, node.operator), valueShape(type, operator));
        return { ...node, operator, value } as SegmentLeaf;
      }
      case 'attribute': {
        if (!ATTRIBUTE_OPERATORS.includes(operator as never)) throw new RangeError(`operator ${operator} does not apply to attributes`);
        const value = convertValue(node.value, valueShape('attribute', node.operator), valueShape('attribute', operator));
        return { ...node, operator, value } as SegmentLeaf;
      }
      case 'segment':
        if (!SEGMENT_MEMBERSHIP_OPERATORS.includes(operator as never)) throw new RangeError(`operator ${operator} does not apply to segments`);
        return { ...node, operator: operator as (typeof SEGMENT_MEMBERSHIP_OPERATORS)[number] };
      default:
        throw new TypeError(`node ${pathKey(path)} has no operator`);
    }
  });
}

export type ConditionValue = string | number | string[] | [number, number] | null;

export function defaultValue(shape: ValueShape): ConditionValue {
  switch (shape) {
    case 'number':
      return 0;
    case 'range':
      return [0, 0];
    case 'percent':
      return 10;
    case 'days':
      return 30;
    case 'list':
      return [];
    case 'text':
    case 'date':
      return '';
    case 'none':
      return null;
  }
}

function scalarFrom(value: unknown, shape: ValueShape): number | null {
  if (typeof value === 'number' && (shape === 'number' || shape === 'percent' || shape === 'days')) return value;
  if (shape === 'range' && Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return null;
}

/** Carries a value from one shape to another where it still means something; otherwise the new shape's default. */
export function convertValue(value: unknown, from: ValueShape, to: ValueShape): ConditionValue {
  if (from === to) return value as ConditionValue;
  const scalar = scalarFrom(value, from);
  switch (to) {
    case 'number':
      return scalar ?? defaultValue(to);
    case 'range':
      return scalar !== null && Number.isFinite(scalar) ? [scalar, scalar] : defaultValue(to);
    case 'percent':
      return scalar !== null && scalar > 0 && scalar <= 100 ? scalar : defaultValue(to);
    case 'days':
      return scalar !== null && Number.isInteger(scalar) && scalar >= 1 ? scalar : defaultValue(to);
    case 'list':
      return from === 'text' && typeof value === 'string' && value.trim() !== '' ? [value.trim()] : defaultValue(to);
    case 'text':
      return from === 'list' && Array.isArray(value) ? String(value[0] ?? '') : defaultValue(to);
    default:
      return defaultValue(to);
  }
}

/** Comma-separated text to a list of values, blanks dropped: `DE, FR,` → ['DE', 'FR']. */
export function parseList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function formatList(values: readonly string[]): string {
  return values.join(', ');
}

export type OrdersPeriod = 'within' | 'between' | 'any';

export function ordersPeriod(condition: OrderCondition): OrdersPeriod {
  if (condition.withinDays !== undefined) return 'within';
  if (condition.from !== undefined || condition.to !== undefined) return 'between';
  return 'any';
}

/** Switches an order condition between "within the last N days", "between two dates" and "any time". */
export function withOrdersPeriod(condition: OrderCondition, period: OrdersPeriod): OrderCondition {
  const { withinDays, from, to, ...rest } = condition;
  switch (period) {
    case 'within':
      return { ...rest, withinDays: withinDays ?? 365 };
    case 'between':
      return { ...rest, from: from ?? '', to: to ?? '' };
    case 'any':
      return rest;
  }
}
