import { ReorderButtons } from '@/components/ui/reorder-buttons';
import { focusAfterMove, focusAfterRemoval, focusKey, type RuleEditor } from './rule-editor';
import { errorText, type RuleError } from './rule-errors';
import { moveNode, nodeNumber, removeNode, type NodePath } from './rule-tree';

export function NodeErrors({ id, errors }: { id: string; errors: RuleError[] }) {
  return (
    <ul id={id} className="mt-2 space-y-0.5 text-sm text-red-600">
      {errors.map((error, i) => (
        <li key={i}>{errorText(error)}</li>
      ))}
    </ul>
  );
}

/** Move up, move down and remove, for a condition or a nested group. */
export function NodeActions({ noun, path, siblingCount, editor }: { noun: 'condition' | 'group'; path: NodePath; siblingCount: number; editor: RuleEditor }) {
  const index = path[path.length - 1];
  const name = `${noun} ${nodeNumber(path)}`;
  const move = (offset: -1 | 1) => editor.edit(moveNode(editor.rule, path, offset), focusAfterMove(path, offset, siblingCount));
  const remove = () => {
    const next = removeNode(editor.rule, path);
    editor.edit(next, focusAfterRemoval(next, path));
  };
  return (
    <ReorderButtons
      label={name}
      index={index}
      count={siblingCount}
      focusKeys={{ up: focusKey(path, 'up'), down: focusKey(path, 'down') }}
      onMove={move}
      onRemove={remove}
    />
  );
}
