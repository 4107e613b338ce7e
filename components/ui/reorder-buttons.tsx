import { Button } from './button';

type Props = {
  /** What the buttons act on, for screen readers: "condition 2.1", "Champions". */
  label: string;
  index: number;
  count: number;
  /** `data-focus` values of the move buttons, so focus can follow the item after it moves. */
  focusKeys: { up: string; down: string };
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  canRemove?: boolean;
  className?: string;
};

/** Move up, move down and remove, for one item of an ordered list. */
export function ReorderButtons({ label, index, count, focusKeys, onMove, onRemove, canRemove = true, className = 'ml-auto flex items-center gap-1' }: Props) {
  return (
    <div className={className}>
      <Button type="button" variant="ghost" className="disabled:opacity-40" data-focus={focusKeys.up} disabled={index === 0} onClick={() => onMove(-1)}>
        <span aria-hidden="true">↑</span>
        <span className="sr-only">Move {label} up</span>
      </Button>
      <Button type="button" variant="ghost" className="disabled:opacity-40" data-focus={focusKeys.down} disabled={index === count - 1} onClick={() => onMove(1)}>
        <span aria-hidden="true">↓</span>
        <span className="sr-only">Move {label} down</span>
      </Button>
      <Button type="button" variant="ghost" className="disabled:opacity-40" disabled={!canRemove} onClick={onRemove}>
        Remove<span className="sr-only"> {label}</span>
      </Button>
    </div>
  );
}
