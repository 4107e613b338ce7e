import { ReorderButtons } from '@/components/ui/reorder-buttons';
import { controlClass } from '@/components/segments/value-inputs';
import { MAX_SEGMENT_NAME_LENGTH, SCHEME_SCORES } from '@/lib/metrics/segment-scheme';
import { setRangeEnd, type Axis, type SchemeRow } from './scheme-rows';

type Props = {
  row: SchemeRow;
  index: number;
  count: number;
  /** Problems of this segment (its name, its ranges), shown under it. */
  errors: string[];
  editable: boolean;
  onChange: (row: SchemeRow) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
};

const AXIS_LETTER: Record<Axis, string> = { recency: 'R', frequency: 'F', monetary: 'M' };

function RangeSelects({ row, axis, onChange }: { row: SchemeRow; axis: Axis; onChange: (row: SchemeRow) => void }) {
  const range = row[axis] ?? [1, 5];
  const letter = AXIS_LETTER[axis];
  return (
    <div className="flex items-end gap-1">
      {([0, 1] as const).map((end) => {
        const id = `scheme-${row.key}-${axis}-${end}`;
        return (
          <div key={end}>
            <label htmlFor={id} className="block text-xs font-medium text-gray-700">
              {letter} {end === 0 ? 'from' : 'to'}
            </label>
            <select
              id={id}
              value={range[end]}
              onChange={(event) => onChange(setRangeEnd(row, axis, end, Number(event.currentTarget.value)))}
              className={`${controlClass} mt-1 pr-8`}
            >
              {SCHEME_SCORES.map((score) => (
                <option key={score} value={score}>
                  {score}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}

/** One segment of the scheme: its name, R and F ranges, optionally an M range, and moving or removing it. */
export function SegmentRow({ row, index, count, errors, editable, onChange, onMove, onRemove }: Props) {
  const nameId = `scheme-${row.key}-name`;
  const errorsId = errors.length ? `scheme-${row.key}-errors` : undefined;
  const label = row.name.trim() || `segment ${index + 1}`;
  return (
    <fieldset className="rounded-md p-3 ring-1 ring-gray-200" data-scheme-row={index + 1} aria-describedby={errorsId}>
      <legend className="sr-only">
        Segment {index + 1}: {row.name}
      </legend>
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={nameId} className="block text-xs font-medium text-gray-700">
            Name
          </label>
          <input
            id={nameId}
            data-focus={`${row.key}:name`}
            value={row.name}
            maxLength={MAX_SEGMENT_NAME_LENGTH}
            aria-invalid={errors.length ? true : undefined}
            aria-describedby={errorsId}
            onChange={(event) => onChange({ ...row, name: event.currentTarget.value })}
            className={`${controlClass} mt-1 w-full`}
          />
        </div>
        {editable && (
          <ReorderButtons
            label={label}
            index={index}
            count={count}
            focusKeys={{ up: `${row.key}:up`, down: `${row.key}:down` }}
            onMove={onMove}
            onRemove={onRemove}
            canRemove={count > 1}
            className="flex items-center gap-1"
          />
        )}
      </div>
      <div className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-2">
        <RangeSelects row={row} axis="recency" onChange={onChange} />
        <RangeSelects row={row} axis="frequency" onChange={onChange} />
        <label className="flex items-center gap-2 pb-2 text-sm text-gray-800">
          <input
            type="checkbox"
            checked={row.monetary !== null}
            onChange={(event) => onChange({ ...row, monetary: event.currentTarget.checked ? [1, 5] : null })}
          />
          Limit M
        </label>
        {row.monetary && <RangeSelects row={row} axis="monetary" onChange={onChange} />}
      </div>
      {errorsId && (
        <ul id={errorsId} className="mt-2 space-y-0.5 text-sm text-red-600">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
