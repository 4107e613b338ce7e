import type { SegmentRule, SegmentRuleNode } from './rule-schema';

/*
 * Segments may be defined by membership of other segments, which makes a directed graph: a segment points at the
 * segments its rule references. Saving a rule must not close a cycle, and a refresh must run referenced segments
 * first. Pure: the caller loads the workspace's rules (null for a static segment, which references nothing).
 */

/** The segment ids a rule's membership conditions reference, distinct and ascending. */
export function referencedSegmentIds(rule: SegmentRule): number[] {
  const ids = new Set<number>();
  const stack: SegmentRuleNode[] = [rule.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'group') stack.push(...node.children);
    else if (node.kind === 'segment') ids.add(node.segmentId);
  }
  return [...ids].sort((a, b) => a - b);
}

export class SegmentCycleError extends Error {
  constructor(readonly cycle: number[]) {
    super(`segments reference each other in a cycle: ${cycle.join(' → ')}`);
    this.name = 'SegmentCycleError';
  }
}

type Visit = 'in progress' | 'done';

/**
 * Depth-first from `start` (iterative, so a long chain cannot exhaust the stack), references in ascending order.
 * Calls `finished` for each segment after all it references; returns the first cycle met as a closed path
 * ([a, …, a]), or null.
 */
function visit(start: number, referencesOf: (id: number) => number[], state: Map<number, Visit>, finished: (id: number) => void): number[] | null {
  if (state.has(start)) return null;
  const path: { id: number; references: number[]; next: number }[] = [{ id: start, references: referencesOf(start), next: 0 }];
  state.set(start, 'in progress');
  while (path.length > 0) {
    const top = path[path.length - 1];
    if (top.next === top.references.length) {
      path.pop();
      state.set(top.id, 'done');
      finished(top.id);
      continue;
    }
    const id = top.references[top.next++];
    const seen = state.get(id);
    if (seen === 'in progress') {
      const ids = path.map((step) => step.id);
      return [...ids.slice(ids.indexOf(id)), id];
    }
    if (seen === 'done') continue;
    state.set(id, 'in progress');
    path.push({ id, references: referencesOf(id), next: 0 });
  }
  return null;
}

/**
 * The reference cycle that saving `rule` as segment `segmentId` would create, as a closed path starting at
 * `segmentId` (e.g. [3, 5, 3]; [3, 3] for a segment referencing itself), or null. `rulesById` holds the workspace's
 * stored rules; the entry for `segmentId`, if any, is replaced by `rule`. Use 0 or a negative id for a new
 * segment. A cycle already among the stored segments that `rule` reaches is returned too (starting where it closes).
 */
export function findSegmentCycle(segmentId: number, rule: SegmentRule, rulesById: ReadonlyMap<number, SegmentRule | null>): number[] | null {
  const referencesOf = (id: number) => {
    const stored = id === segmentId ? rule : rulesById.get(id);
    return stored ? referencedSegmentIds(stored) : [];
  };
  return visit(segmentId, referencesOf, new Map(), () => {});
}

/**
 * The segment ids of `rulesById` ordered so each comes after every segment it references (ties by ascending id),
 * for refreshing memberships. References to segments not in the map are ignored. Throws SegmentCycleError on a cycle.
 */
export function refreshOrder(rulesById: ReadonlyMap<number, SegmentRule | null>): number[] {
  const referencesOf = (id: number) => {
    const rule = rulesById.get(id);
    return rule ? referencedSegmentIds(rule).filter((referenced) => rulesById.has(referenced)) : [];
  };
  const order: number[] = [];
  const state = new Map<number, Visit>();
  for (const id of [...rulesById.keys()].sort((a, b) => a - b)) {
    const cycle = visit(id, referencesOf, state, (done) => order.push(done));
    if (cycle) throw new SegmentCycleError(cycle);
  }
  return order;
}
