import type { SegmentRule, SegmentRuleNode } from '@/lib/segments/rule-schema';
import type { RuleError } from './rule-errors';
import { nodeAt, pathKey, type NodePath } from './rule-tree';

/** What every group and condition of the builder needs: the rule, the way to change it, and its errors. */
export type RuleEditor = {
  rule: SegmentRule;
  segments: readonly { id: number; name: string }[];
  attributeKeys: readonly string[];
  rfmSegmentNames: readonly string[];
  /** Server errors by the `pathKey` of their node. */
  errors: Map<string, RuleError[]>;
  idPrefix: string;
  datalists: { rfmSegments: string; attributeKeys: string };
  /** Applies an edit; `focus` (a `focusKey`) is focused once the edited rule has rendered. */
  edit(next: SegmentRule, focus?: string): void;
};

export type FocusControl = 'subject' | 'combinator' | 'up' | 'down' | 'add-condition';

/** The `data-focus` value of a control, so focus can follow a node after an edit re-renders the tree. */
export function focusKey(path: NodePath, control: FocusControl): string {
  return `${pathKey(path)}:${control}`;
}

export function controlId(editor: Pick<RuleEditor, 'idPrefix'>, path: NodePath, part: string): string {
  return `${editor.idPrefix}-${pathKey(path)}-${part}`;
}

/** A condition's field select or a group's combinator: where focus lands on a node. */
export function firstControlOf(path: NodePath, node: SegmentRuleNode): string {
  return focusKey(path, node.kind === 'group' ? 'combinator' : 'subject');
}

/** After removing `removed`, focus the node that took its place, else the one before it, else the group's "Add condition". */
export function focusAfterRemoval(next: SegmentRule, removed: NodePath): string {
  const parentPath = removed.slice(0, -1);
  const parent = nodeAt(next, parentPath);
  const index = removed[removed.length - 1];
  if (parent?.kind !== 'group' || parent.children.length === 0) return focusKey(parentPath, 'add-condition');
  const neighbour = Math.min(index, parent.children.length - 1);
  return firstControlOf([...parentPath, neighbour], parent.children[neighbour]);
}

/** After moving a node, focus the same move button at its new place, or the other one when that end is reached. */
export function focusAfterMove(moved: NodePath, offset: -1 | 1, siblingCount: number): string {
  const target = moved[moved.length - 1] + offset;
  const path = [...moved.slice(0, -1), target];
  if (offset < 0) return focusKey(path, target > 0 ? 'up' : 'down');
  return focusKey(path, target < siblingCount - 1 ? 'down' : 'up');
}
