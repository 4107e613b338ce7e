import { describe, expect, it } from 'vitest';
import { focusAfterMove, focusAfterRemoval } from './rule-editor';
import { removeNode } from './rule-tree';
import { MIXED_RULE } from './test-rules';

const rule = MIXED_RULE;

describe('focus after an edit', () => {
  it('goes to the node that took the removed one’s place, else the one before, else the group’s add button', () => {
    expect(focusAfterRemoval(removeNode(rule, [0]), [0])).toBe('0:combinator');
    expect(focusAfterRemoval(removeNode(rule, [1, 1]), [1, 1])).toBe('1.1:subject');
    expect(focusAfterRemoval(removeNode(rule, [1, 2]), [1, 2])).toBe('1.1:subject');
    const emptied = removeNode(removeNode(removeNode(rule, [1, 2]), [1, 1]), [1, 0]);
    expect(focusAfterRemoval(emptied, [1, 0])).toBe('1:add-condition');
  });

  it('follows a moved node, switching to the other move button at either end', () => {
    expect(focusAfterMove([2], -1, 4)).toBe('1:up');
    expect(focusAfterMove([1], -1, 4)).toBe('0:down');
    expect(focusAfterMove([1, 1], 1, 4)).toBe('1.2:down');
    expect(focusAfterMove([1, 2], 1, 4)).toBe('1.3:up');
  });
});
