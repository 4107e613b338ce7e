import { Button } from '@/components/ui/button';
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
    <div className="ml-auto flex items-center gap-1">
      <Button type="button" variant="ghost" className="disabled:opacity-40" data-focus={focusKey(path, 'up')} disabled={index === 0} onClick={() => move(-1)}>
        <span aria-hidden="true">↑</span>
        <span className="sr-only">Move {name} up</span>
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="disabled:opacity-40"
        data-focus={focusKey(path, 'down')}
        disabled={index === siblingCount - 1}
        onClick={() => move(1)}
      >
        <span aria-hidden="true">↓</span>
        <span className="sr-only">Move {name} down</span>
      </Button>
      <Button type="button" variant="ghost" className="disabled:opacity-40" onClick={remove}>
        Remove<span className="sr-only"> {name}</span>
      </Button>
    </div>
  );
}
