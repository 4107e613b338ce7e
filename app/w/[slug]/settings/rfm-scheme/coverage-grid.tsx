import { RfGridHead } from '@/components/charts/rf-grid-head';
import { formatScores, SCHEME_SCALE, SCHEME_SCORES, schemeCoverage, type CoverageCell } from '@/lib/metrics/segment-scheme';
import type { SegmentRule } from '@/lib/models/rfm';

const monetaryNote = (scores: readonly number[]) => (scores.length === SCHEME_SCALE ? '' : ` (M ${formatScores(scores)})`);

function cellState(cell: CoverageCell): 'uncovered' | 'overlap' | 'ok' {
  if (cell.uncovered.length > 0) return 'uncovered';
  return cell.overlapping.length > 0 ? 'overlap' : 'ok';
}

const stateClass = {
  ok: 'bg-indigo-50 text-indigo-950',
  uncovered: 'bg-red-50 text-red-900 ring-2 ring-inset ring-red-400',
  overlap: 'bg-amber-50 text-amber-950 ring-2 ring-inset ring-amber-500',
};

function CellContent({ cell }: { cell: CoverageCell }) {
  const overlapping = new Set(cell.overlapping.flatMap((overlap) => overlap.segments));
  return (
    <>
      {cell.uncovered.length > 0 && <span className="block font-semibold">No segment{monetaryNote(cell.uncovered)}</span>}
      {cell.overlapping.map((overlap) => (
        <span key={overlap.segments.join('|')} className="block font-semibold">
          Overlap: {overlap.segments.join(' + ')}
          {monetaryNote(overlap.monetary)}
        </span>
      ))}
      {cell.byMonetary
        .filter(({ segment }) => !overlapping.has(segment))
        .map(({ segment, monetary }) => (
          <span key={segment} className="block">
            {segment}
            {cell.splitByMonetary && monetaryNote(monetary)}
          </span>
        ))}
      {cell.splitByMonetary && <span className="mt-0.5 block text-[0.65rem] uppercase tracking-wide opacity-70">split by M</span>}
    </>
  );
}

/** The 5 × 5 R × F grid of a scheme: each cell's segment, and where cells are left out or claimed twice. */
export function CoverageGrid({ segments }: { segments: readonly SegmentRule[] }) {
  const cells = schemeCoverage(segments);
  const rows = [...SCHEME_SCORES].reverse().map((recency) => cells.filter((cell) => cell.recency === recency));
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-separate border-spacing-1 text-xs" data-testid="coverage-grid">
        <caption className="mb-1 text-left text-sm font-medium text-gray-900">Coverage of the R × F grid (1–5)</caption>
        <RfGridHead scores={SCHEME_SCORES} />
        <tbody>
          {rows.map((row) => (
            <tr key={row[0].recency}>
              <th scope="row" className="text-left font-medium text-gray-500">
                R {row[0].recency}
              </th>
              {row.map((cell) => {
                const state = cellState(cell);
                return (
                  <td
                    key={cell.frequency}
                    data-cell={`R${cell.recency}F${cell.frequency}`}
                    data-state={state}
                    className={`h-16 rounded-md p-1.5 align-top break-words ${stateClass[state]}`}
                  >
                    <CellContent cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
