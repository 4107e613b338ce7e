import Link from 'next/link';
import { formatCurrency, formatNumber } from '@/lib/format';
import type { RfmCellFigures } from '@/lib/metrics/queries';
import { schemeCoverage } from '@/lib/metrics/segment-scheme';
import { toFivePointScale, type SegmentRule } from '@/lib/models/rfm';
import { RfGridHead } from './rf-grid-head';

const shades = [
  'bg-indigo-50 text-indigo-950',
  'bg-indigo-100 text-indigo-950',
  'bg-indigo-200 text-indigo-950',
  'bg-indigo-300 text-indigo-950',
  'bg-indigo-500 text-white',
  'bg-indigo-700 text-white',
];

type Props = {
  cells: RfmCellFigures[];
  bins: number;
  currency: string;
  /** The workspace's RFM segments, defined on the 5-point grid. */
  scheme: readonly SegmentRule[];
  hrefForCell: (r: number, f: number) => string;
};

/** R (rows, recent at the top) × F (columns) grid; shade by customers, each cell links to its customers. */
export function RfmHeatMap({ cells, bins, currency, scheme, hrefForCell }: Props) {
  const byCell = new Map(cells.map((cell) => [`${cell.recency}:${cell.frequency}`, cell]));
  const coverage = new Map(schemeCoverage(scheme).map((cell) => [`${cell.recency}:${cell.frequency}`, cell]));
  const segmentOf = (r: number, f: number) => {
    const cell = coverage.get(`${toFivePointScale(r, bins)}:${toFivePointScale(f, bins)}`);
    if (!cell) return '';
    return cell.splitByMonetary ? `${cell.segments.join(' / ')} (by M)` : cell.segments.join(' / ');
  };
  const most = Math.max(1, ...cells.map((cell) => cell.customers));
  const scores = Array.from({ length: bins }, (_, i) => i + 1);
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-separate border-spacing-1 text-xs" aria-label="Customers by recency and frequency score">
        <RfGridHead scores={scores} />
        <tbody>
          {[...scores].reverse().map((r) => (
            <tr key={r}>
              <th scope="row" className="text-left font-medium text-gray-500">
                R {r}
              </th>
              {scores.map((f) => {
                const cell = byCell.get(`${r}:${f}`);
                const customers = cell?.customers ?? 0;
                const segment = segmentOf(r, f);
                const shade = shades[customers === 0 ? 0 : Math.min(shades.length - 1, 1 + Math.floor((customers / most) * (shades.length - 1)))];
                return (
                  <td key={f} className="p-0">
                    <Link
                      href={hrefForCell(r, f)}
                      data-rfm-cell={`${r}${f}`}
                      className={`block h-full min-h-20 rounded-md p-2 hover:ring-2 hover:ring-indigo-400 ${shade}`}
                    >
                      <span className="block font-semibold">{formatNumber(customers)}</span>
                      <span className="block opacity-80">{formatCurrency(cell?.revenue ?? 0, currency, { compact: true })}</span>
                      <span className="mt-1 block truncate opacity-80" title={segment}>
                        {segment}
                      </span>
                    </Link>
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
