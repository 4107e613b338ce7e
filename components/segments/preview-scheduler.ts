import { parseRuleError } from './rule-errors';

export type PreviewState = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Where a preview stands. While loading (and after an error) `result` is still the last good one, so the
 * figures can stay on screen, dimmed, instead of flickering away on every keystroke.
 */
export type PreviewSnapshot<Result> = {
  state: PreviewState;
  result?: Result;
  /** A human message for the preview panel. */
  error?: string;
  /** The server's validation messages, when the run failed with `{ errors: string[] }`, for the rule builder. */
  errors?: string[];
};

export const PREVIEW_FAILED = 'The preview could not be updated. Try again in a moment.';
export const RULE_HAS_PROBLEMS = 'Fix the problems in the rule to see who matches.';

/** A failed run as messages: validation errors (an `errors` string list) are passed on, anything else is generic. */
export function previewFailure(error: unknown): { error: string; errors?: string[] } {
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every((item) => typeof item === 'string')) return { error: PREVIEW_FAILED };
  // Messages that point into the rule are shown beside its conditions; the panel only says to fix them.
  const aboutRule = errors.some((item) => parseRuleError(item).path !== null);
  return { error: aboutRule ? RULE_HAS_PROBLEMS : errors.join(' '), errors };
}

/**
 * Runs `run` `delayMs` after the last `schedule`, and publishes only the outcome of the latest input:
 * every schedule takes a new sequence number, aborts the run in flight, and a settled run whose number is
 * no longer current is dropped. `schedule(null)` cancels and goes idle.
 */
export function createPreviewScheduler<Input, Result>(
  run: (input: Input, signal: AbortSignal) => Promise<Result>,
  onChange: (snapshot: PreviewSnapshot<Result>) => void,
) {
  let snapshot: PreviewSnapshot<Result> = { state: 'idle' };
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;

  const publish = (next: PreviewSnapshot<Result>) => {
    snapshot = next;
    onChange(next);
  };

  const cancel = () => {
    sequence += 1;
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = undefined;
  };

  return {
    schedule(input: Input | null, delayMs: number) {
      cancel();
      if (input === null) {
        publish({ state: 'idle' });
        return;
      }
      const ticket = sequence;
      publish({ state: 'loading', result: snapshot.result });
      timer = setTimeout(() => {
        const controller = new AbortController();
        inFlight = controller;
        Promise.resolve()
          .then(() => run(input, controller.signal))
          .then(
            (result) => {
              if (ticket === sequence) publish({ state: 'ready', result });
            },
            (error: unknown) => {
              if (ticket === sequence) publish({ state: 'error', result: snapshot.result, ...previewFailure(error) });
            },
          );
      }, delayMs);
    },
    /** Stops the pending or running preview; what it would report is dropped. */
    cancel,
  };
}
