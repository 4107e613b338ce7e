import { useEffect, useRef, useState } from 'react';
import type { SegmentPreview, SegmentSampleCustomer } from '@/lib/segments/compile-rule';
import { createPreviewScheduler, type PreviewSnapshot } from './preview-scheduler';

export type { PreviewSnapshot, PreviewState } from './preview-scheduler';

/** What the segment preview endpoint returns. */
export type PreviewResult = { preview: SegmentPreview; sample: SegmentSampleCustomer[] };

/**
 * Previews `rule` `delayMs` after it last changed; a response for an older rule is dropped (and its request
 * aborted through the signal passed to `runPreview`). `rule` null (nothing to preview) stays idle.
 * `runPreview` may change identity between renders; the latest one is used.
 */
export function useDebouncedPreview<Rule, Result = PreviewResult>(
  rule: Rule | null,
  runPreview: (rule: Rule, signal: AbortSignal) => Promise<Result>,
  delayMs = 300,
): PreviewSnapshot<Result> {
  const [snapshot, setSnapshot] = useState<PreviewSnapshot<Result>>(() => ({ state: rule === null ? 'idle' : 'loading' }));
  const latestRun = useRef(runPreview);
  useEffect(() => {
    latestRun.current = runPreview;
  }, [runPreview]);
  const [scheduler] = useState(() => createPreviewScheduler<Rule, Result>((input, signal) => latestRun.current(input, signal), setSnapshot));

  // Keyed on the rule's JSON, not its identity: re-rendering with an equal rule is not a new preview.
  const ruleKey = rule === null ? null : JSON.stringify(rule);
  useEffect(() => {
    scheduler.schedule(rule, delayMs);
    return scheduler.cancel;
  }, [scheduler, ruleKey, delayMs]);

  return snapshot;
}
