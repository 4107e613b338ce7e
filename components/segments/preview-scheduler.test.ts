import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREVIEW_FAILED, RULE_HAS_PROBLEMS, createPreviewScheduler, previewFailure, type PreviewSnapshot } from './preview-scheduler';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createPreviewScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const runs: { input: string; signal: AbortSignal; reply: ReturnType<typeof deferred<number>> }[] = [];
    const snapshots: PreviewSnapshot<number>[] = [];
    const scheduler = createPreviewScheduler<string, number>(
      (input, signal) => {
        const reply = deferred<number>();
        runs.push({ input, signal, reply });
        return reply.promise;
      },
      (snapshot) => snapshots.push(snapshot),
    );
    return { runs, snapshots, scheduler, last: () => snapshots[snapshots.length - 1] };
  }

  it('runs once, after the delay since the last change', async () => {
    const { runs, scheduler, last } = setup();
    scheduler.schedule('a', 300);
    vi.advanceTimersByTime(200);
    scheduler.schedule('ab', 300);
    vi.advanceTimersByTime(200);
    expect(runs).toHaveLength(0);
    expect(last()).toEqual({ state: 'loading', result: undefined });
    vi.advanceTimersByTime(100);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0].input).toBe('ab');
    runs[0].reply.resolve(42);
    await vi.waitFor(() => expect(last()).toEqual({ state: 'ready', result: 42 }));
  });

  it('drops a stale response that arrives after a newer one, and aborts its request', async () => {
    const { runs, scheduler, last, snapshots } = setup();
    scheduler.schedule('old', 300);
    vi.advanceTimersByTime(300);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    scheduler.schedule('new', 300);
    expect(runs[0].signal.aborted).toBe(true);
    vi.advanceTimersByTime(300);
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    runs[1].reply.resolve(2);
    await vi.waitFor(() => expect(last()).toEqual({ state: 'ready', result: 2 }));
    runs[0].reply.resolve(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(last()).toEqual({ state: 'ready', result: 2 });
    expect(snapshots.some((snapshot) => snapshot.result === 1)).toBe(false);
  });

  it('keeps the last result while loading and after an error', async () => {
    const { runs, scheduler, last } = setup();
    scheduler.schedule('a', 0);
    vi.advanceTimersByTime(0);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    runs[0].reply.resolve(7);
    await vi.waitFor(() => expect(last().state).toBe('ready'));
    scheduler.schedule('b', 0);
    expect(last()).toEqual({ state: 'loading', result: 7 });
    vi.advanceTimersByTime(0);
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    runs[1].reply.reject(new TypeError('Failed to fetch'));
    await vi.waitFor(() => expect(last()).toEqual({ state: 'error', result: 7, error: PREVIEW_FAILED }));
  });

  it('reports a run that throws synchronously as an error', async () => {
    const snapshots: PreviewSnapshot<number>[] = [];
    const scheduler = createPreviewScheduler<string, number>(
      () => {
        throw new Error('boom');
      },
      (snapshot) => snapshots.push(snapshot),
    );
    scheduler.schedule('a', 0);
    vi.advanceTimersByTime(0);
    await vi.waitFor(() => expect(snapshots[snapshots.length - 1]).toMatchObject({ state: 'error', error: PREVIEW_FAILED }));
  });

  it('goes idle for no input, and reports nothing after cancel', async () => {
    const { runs, scheduler, last, snapshots } = setup();
    scheduler.schedule('a', 300);
    scheduler.schedule(null, 300);
    expect(last()).toEqual({ state: 'idle' });
    vi.advanceTimersByTime(1000);
    expect(runs).toHaveLength(0);

    scheduler.schedule('b', 0);
    vi.advanceTimersByTime(0);
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    const count = snapshots.length;
    scheduler.cancel();
    runs[0].reply.resolve(5);
    await Promise.resolve();
    await Promise.resolve();
    expect(snapshots).toHaveLength(count);
  });
});

describe('previewFailure', () => {
  it('passes validation messages on, and asks to fix the rule when they point into it', () => {
    const errors = ['root.children.0.value: must be a finite number'];
    expect(previewFailure(Object.assign(new Error(errors[0]), { errors }))).toEqual({ error: RULE_HAS_PROBLEMS, errors });
  });

  it('shows messages about the request as they are, and anything else as a generic failure', () => {
    expect(previewFailure({ errors: ['The rule is too large.'] })).toEqual({ error: 'The rule is too large.', errors: ['The rule is too large.'] });
    expect(previewFailure(new Error('socket hang up'))).toEqual({ error: PREVIEW_FAILED });
    expect(previewFailure(null)).toEqual({ error: PREVIEW_FAILED });
    expect(previewFailure({ errors: [] })).toEqual({ error: PREVIEW_FAILED });
  });
});
