'use client';

import { startTransition, useActionState, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ActionState } from '@/lib/auth/gate';
import { coverageProblems, isDefaultScheme, MAX_SCHEME_SEGMENTS, parseRfmScheme } from '@/lib/metrics/segment-scheme';
import { DEFAULT_SEGMENT_SCHEME, type SegmentRule } from '@/lib/models/rfm';
import { CoverageGrid } from './coverage-grid';
import { moveRow, newRow, toRows, toSegments, type SchemeRow } from './scheme-rows';
import { SegmentRow } from './segment-row';

type Props = {
  segments: readonly SegmentRule[];
  canEdit: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Problems of each row (by index) and of the scheme as a whole, from the same validator the save action runs. */
function liveProblems(segments: SegmentRule[]): { byRow: Map<number, string[]>; scheme: string[] } {
  const parsed = parseRfmScheme(segments);
  const byRow = new Map<number, string[]>();
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      if (typeof issue.path[0] === 'number') byRow.set(issue.path[0], [...(byRow.get(issue.path[0]) ?? []), issue.message]);
    }
  }
  return { byRow, scheme: coverageProblems(segments) };
}

/** The save action's messages; those about one segment (`scheme.2.name`) say which. */
function describeFieldErrors(fieldErrors: ActionState['fieldErrors']): string[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([key, messages]) => {
    const row = /^scheme\.(\d+)\./.exec(key)?.[1];
    return (messages ?? []).map((message) => (row === undefined ? message : `Segment ${Number(row) + 1}: ${message}`));
  });
}

/** Edits the workspace's RFM segments, showing as you type which cells of the grid are left out or claimed twice. */
export function SchemeEditor({ segments, canEdit, action }: Props) {
  const [rows, setRows] = useState(() => toRows(segments));
  const [editedSinceSave, setEditedSinceSave] = useState(false);
  const [notice, setNotice] = useState('');
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [state, submit, pending] = useActionState(action, {});
  const container = useRef<HTMLDivElement>(null);
  const current = useMemo(() => toSegments(rows), [rows]);
  const problems = useMemo(() => liveProblems(current), [current]);
  const serverProblems = editedSinceSave ? [] : describeFieldErrors(state.fieldErrors);

  useEffect(() => {
    if (!pendingFocus) return;
    container.current?.querySelector<HTMLElement>(`[data-focus="${pendingFocus}"]`)?.focus();
    setPendingFocus(null);
  }, [pendingFocus, rows]);

  const edit = (next: SchemeRow[], focus?: string, announcement = '') => {
    setRows(next);
    setEditedSinceSave(true);
    setNotice(announcement);
    if (focus) setPendingFocus(focus);
  };

  return (
    <form
      // Submitted by hand: a form action would reset the form afterwards, showing the selects' first values.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData();
        data.set('scheme', JSON.stringify(current));
        setEditedSinceSave(false);
        setNotice('');
        startTransition(() => submit(data));
      }}
      className="space-y-4"
      noValidate
    >
      {!editedSinceSave && state.error && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          <p>{serverProblems.length > 0 ? 'Not saved. The segments have these problems:' : `Not saved. ${state.error}`}</p>
          {serverProblems.length > 0 && (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {serverProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!editedSinceSave && state.message && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {state.message}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <div ref={container} className="space-y-2">
          <fieldset disabled={!canEdit || pending} className="min-w-0 space-y-2">
            <legend className="sr-only">RFM segments</legend>
            {rows.map((row, index) => (
              <SegmentRow
                key={row.key}
                row={row}
                index={index}
                count={rows.length}
                errors={problems.byRow.get(index) ?? []}
                editable={canEdit}
                onChange={(next) => edit(rows.map((candidate) => (candidate.key === row.key ? next : candidate)))}
                onMove={(offset) => {
                  // Focus stays on the button pressed, unless the row reached the end where that button is disabled.
                  const target = index + offset;
                  const keepUp = offset < 0 ? target > 0 : target === rows.length - 1;
                  edit(moveRow(rows, index, offset), `${row.key}:${keepUp ? 'up' : 'down'}`);
                }}
                onRemove={() => {
                  const next = rows.filter((candidate) => candidate.key !== row.key);
                  const neighbour = next[Math.min(index, next.length - 1)];
                  edit(next, neighbour ? `${neighbour.key}:name` : 'add', `${row.name.trim() || 'The segment'} removed.`);
                }}
              />
            ))}
          </fieldset>
          {canEdit && (
            <div className="flex flex-wrap items-center gap-2 pt-2">
              <Button
                type="button"
                variant="secondary"
                data-focus="add"
                disabled={pending || rows.length >= MAX_SCHEME_SEGMENTS}
                onClick={() => {
                  const row = newRow(rows);
                  edit([...rows, row], `${row.key}:name`, `${row.name} added at the end.`);
                }}
              >
                Add segment
              </Button>
              <Button
                type="button"
                variant="ghost"
                disabled={pending || isDefaultScheme(current)}
                onClick={() => edit(toRows(DEFAULT_SEGMENT_SCHEME), undefined, 'The default R × F grid is back in the editor; save to apply it.')}
              >
                Reset to default
              </Button>
              <Button type="submit" disabled={pending} className="ml-auto">
                {pending ? 'Saving…' : 'Save segments and recompute'}
              </Button>
            </div>
          )}
        </div>
        <div className="space-y-3 lg:sticky lg:top-6 lg:self-start">
          <CoverageGrid segments={current} />
          <div aria-live="polite" data-testid="scheme-check">
            {problems.scheme.length === 0 ? (
              <p className="text-sm text-emerald-800">Every R × F × M cell belongs to exactly one segment.</p>
            ) : (
              <>
                <p className="text-sm font-medium text-red-700">Every cell must belong to exactly one segment:</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-red-700">
                  {problems.scheme.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <p role="status" className="sr-only">
            {notice}
          </p>
        </div>
      </div>
    </form>
  );
}
