import Link from 'next/link';
import { formatCurrency, formatNumber } from '@/lib/format';
import { defaultSegment } from '@/lib/models/rfm';
import type { RfmCellFigures } from '@/lib/metrics/queries';

const shades = [
  'bg-indigo-50 text-indigo-950',
  'bg-indigo-100 text-indigo-950',
  'bg-indigo-200 text-indigo-950',
  'bg-indigo-300 text-indigo-950',
  'bg-indigo-500 text-white',
  'bg-indigo-700 text-white',
];

type Props = { cells: RfmCellFigures[]; bins: number; currency: string; hrefForCell: (r: number, f: number) => string };

/** R (rows, recent at the top) × F (columns) grid; shade by customers, each cell links to its customers. */
export function RfmHeatMap({ cells, bins, currency, hrefForCell }: Props) {
  const byCell = new Map(cells.map((cell) => [`${cell.recency}:${cell.frequency}`, cell]));
  const most = Math.max(1, ...cells.map((cell) => cell.customers));
  const scores = Array.from({ length: bins }, (_, i) => i + 1);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-1 text-xs" aria-label="Customers by recency and frequency score">
        <thead>
          <tr>
            <th scope="col" className="w-16 text-left font-medium text-gray-500">R \ F</th>
            {scores.map((f) => (
              <th key={f} scope="col" className="font-medium text-gray-500">
                F {f}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...scores].reverse().map((r) => (
            <tr key={r}>
              <th scope="row" className="text-left font-medium text-gray-500">
                R {r}
              </th>
              {scores.map((f) => {
                const cell = byCell.get(`${r}:${f}`);
                const customers = cell?.customers ?? 0;
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
                      <span className="mt-1 block truncate opacity-80">{defaultSegment(r, f, bins)}</span>
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
