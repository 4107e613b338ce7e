import { ProgressBar } from '@/components/ui/progress-bar';
import { formatDate, formatNumber } from '@/lib/format';
import type { ImportHistoryRow } from '@/lib/import/imports-store';
import type { JobStatus } from '@/lib/jobs/status';

const statusStyles: Record<ImportHistoryRow['status'], string> = {
  queued: 'bg-gray-100 text-gray-700',
  running: 'bg-indigo-50 text-indigo-700',
  succeeded: 'bg-emerald-50 text-emerald-700',
  failed: 'bg-red-50 text-red-700',
};

function duration(row: ImportHistoryRow): string {
  if (!row.startedAt || !row.finishedAt) return '—';
  const ms = row.finishedAt.getTime() - row.startedAt.getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function eta(row: ImportHistoryRow, progress: number): string {
  if (!row.startedAt || progress <= 0.02) return '';
  const elapsed = Date.now() - row.startedAt.getTime();
  const seconds = Math.max(0, Math.round((elapsed / progress - elapsed) / 1000));
  return ` · about ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`} left`;
}

/** Every import of the workspace, newest first, with its counts; a running one shows its progress. */
export function ImportHistory({ rows, job, slug }: { rows: ImportHistoryRow[]; job: JobStatus | null; slug: string }) {
  if (rows.length === 0) return <p className="text-sm text-gray-600">No imports yet. The first file you import appears here with what happened to each row.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" aria-label="Import history">
        <thead className="text-left text-gray-900">
          <tr>
            {['File', 'Status', 'Read', 'Inserted', 'Updated', 'Unchanged', 'Rejected', 'By', 'When', 'Took'].map((label) => (
              <th key={label} scope="col" className={`py-2 pr-4 font-semibold ${['File', 'Status', 'By', 'When'].includes(label) ? '' : 'text-right'}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => {
            const live = row.status === 'running' && job?.status === 'running' ? job : null;
            return (
              <tr key={row.id} data-import={row.id} className="align-top">
                <td className="py-2 pr-4">
                  <div className="font-medium text-gray-900">{row.fileName}</div>
                  <div className="text-xs text-gray-500">
                    {row.entity} · {(row.fileSize / 1024 / 1024).toFixed(1)} MB
                  </div>
                </td>
                <td className="py-2 pr-4">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyles[row.status]}`} data-status={row.status}>
                    {row.status}
                  </span>
                  {live && (
                    <div className="mt-2 w-56">
                      <ProgressBar value={live.progress} label={`${live.stage ?? 'Working'}${eta(row, live.progress)}`} />
                    </div>
                  )}
                  {row.error && <p className="mt-1 max-w-sm text-xs text-red-700">{row.error}</p>}
                </td>
                {[row.rowsRead, row.rowsInserted, row.rowsUpdated, row.rowsUnchanged].map((count, i) => (
                  <td key={i} className="py-2 pr-4 text-right tabular-nums">
                    {row.status === 'succeeded' ? formatNumber(count) : '—'}
                  </td>
                ))}
                <td className="py-2 pr-4 text-right tabular-nums">
                  {row.status !== 'succeeded' ? '—' : formatNumber(row.rowsRejected)}
                  {row.rowsRejected > 0 && (
                    <a className="block text-xs font-medium text-indigo-600 hover:text-indigo-500" href={`/w/${slug}/imports/${row.id}/rejects`} download>
                      Download rejected rows
                    </a>
                  )}
                </td>
                <td className="py-2 pr-4 text-gray-700">{row.createdByEmail ?? 'command line'}</td>
                <td className="py-2 pr-4 whitespace-nowrap text-gray-700">{formatDate(row.createdAt)}</td>
                <td className="py-2 text-right tabular-nums">{duration(row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
