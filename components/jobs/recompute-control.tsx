'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/auth/gate';
import type { JobStatus } from '@/lib/jobs/status';
import { AutoRefresh } from '@/components/ui/auto-refresh';
import { ProgressBar } from '@/components/ui/progress-bar';

type Props = {
  job: JobStatus | null;
  asOf: string | null;
  canRecompute: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Shows when customer value was last computed and, for marketers and admins, recomputes it with live progress. */
export function RecomputeControl({ job, asOf, canRecompute, action }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const active = job?.status === 'queued' || job?.status === 'running';

  return (
    <div className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-gray-200" aria-live="polite">
      <AutoRefresh active={active} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-gray-700">
          {asOf ? (
            <>
              Figures as of <strong>{asOf}</strong> (the last day with orders)
            </>
          ) : (
            'Customer value has not been computed yet.'
          )}
          {job?.finishedAt && job.status === 'succeeded' && (
            <span className="text-gray-500"> · computed {new Date(job.finishedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</span>
          )}
        </p>
        {canRecompute && (
          <form action={submit}>
            <button
              type="submit"
              disabled={pending || active}
              className="rounded-md bg-white px-3 py-1.5 font-semibold text-gray-900 ring-1 ring-gray-300 hover:bg-gray-50 disabled:text-gray-400"
            >
              {active ? 'Recomputing…' : 'Recompute now'}
            </button>
          </form>
        )}
      </div>
      {active && job && (
        <div className="mt-3">
          <ProgressBar value={job.progress} label={job.status === 'queued' ? 'Waiting to start…' : (job.stage ?? 'Working…')} />
        </div>
      )}
      {job?.status === 'failed' && (
        <p role="alert" className="mt-2 text-red-700">
          The last recompute failed: {job.error}
        </p>
      )}
      {state.error && (
        <p role="alert" className="mt-2 text-red-700">
          {state.error}
        </p>
      )}
    </div>
  );
}
