import type { SegmentRule } from '@/lib/segments/rule-schema';
import { nodeAt, nodeNumber, pathKey, type NodePath } from './rule-tree';

/**
 * One validation message from the server, e.g. `root.children.1.value: must be a finite number`, split into the
 * node it is about (`[1]`), what on that node (`['value']`) and the message. Messages without a path into
 * the root (`rule is nested too deeply`, `version: …`) have `path` null and belong to the rule as a whole.
 */
export type RuleError = { path: NodePath | null; detail: string[]; message: string };

const PATH_PREFIX = /^([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*): (.*)$/s;

export function parseRuleError(error: string): RuleError {
  const match = PATH_PREFIX.exec(error);
  if (!match) return { path: null, detail: [], message: error };
  const [, location, message] = match;
  const tokens = location.split('.');
  if (tokens[0] !== 'root') return { path: null, detail: tokens, message };
  const path: number[] = [];
  let i = 1;
  while (tokens[i] === 'children' && /^\d+$/.test(tokens[i + 1] ?? '')) {
    path.push(Number(tokens[i + 1]));
    i += 2;
  }
  return { path, detail: tokens.slice(i), message };
}

/** Errors by `pathKey` of their node; errors about the whole rule are under `rule`. */
export function groupRuleErrors(errors: readonly string[]): Map<string, RuleError[]> {
  const byNode = new Map<string, RuleError[]>();
  for (const error of errors) {
    const parsed = parseRuleError(error);
    const key = parsed.path ? pathKey(parsed.path) : 'rule';
    byNode.set(key, [...(byNode.get(key) ?? []), parsed]);
  }
  return byNode;
}

const DETAIL_LABELS: Record<string, string> = {
  field: 'Field',
  operator: 'Operator',
  value: 'Value',
  key: 'Attribute',
  minOrders: 'Minimum orders',
  category: 'Category',
  withinDays: 'Days',
  from: 'From date',
  to: 'To date',
  segmentId: 'Segment',
  combinator: 'Match',
  version: 'Version',
};

/** `['value', '1']` → `Value 2`; `['children']` (a group's own list) → '' since the message says enough. */
export function describeDetail(detail: readonly string[]): string {
  return detail
    .filter((token) => token !== 'children')
    .map((token) => (/^\d+$/.test(token) ? String(Number(token) + 1) : (DETAIL_LABELS[token] ?? token)))
    .join(' ');
}

/** `Condition 2.1`, `Group 3`, `Rule` — what a summary line points at. */
export function describeNode(rule: SegmentRule, path: NodePath | null): string {
  if (!path || path.length === 0) return 'Rule';
  const node = nodeAt(rule, path);
  if (!node) return `Item ${nodeNumber(path)}`;
  return `${node.kind === 'group' ? 'Group' : 'Condition'} ${nodeNumber(path)}`;
}

/** The message shown next to a node: `Value: must be a finite number`. */
export function errorText(error: RuleError): string {
  const detail = describeDetail(error.detail);
  return detail ? `${detail}: ${error.message}` : error.message;
}

/** Whether any of `errors` concerns `name` on its node (`value` also covers `value.0`, `value.1`). */
export function hasErrorOn(errors: readonly RuleError[] | undefined, name: string): boolean {
  return errors?.some((error) => error.detail[0] === name) ?? false;
}
