import type { ActionState } from '@/lib/auth/gate';

/** What a server action or route handler did, with Next's thrown control flow (redirect, notFound) made a value. */
export type Outcome =
  | { kind: 'state'; state: ActionState }
  | { kind: 'response'; status: number; body: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'http-error'; status: number };

/** Runs the call, turning a thrown NEXT_REDIRECT / NEXT_HTTP_ERROR_FALLBACK into an outcome; anything else is rethrown. */
export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    if (value instanceof Response) return { kind: 'response', status: value.status, body: await value.text() };
    return { kind: 'state', state: (value ?? {}) as ActionState };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === 'string') {
      const parts = digest.split(';');
      // NEXT_REDIRECT;<type>;<url>;<status>;  and  NEXT_HTTP_ERROR_FALLBACK;<status>
      if (parts[0] === 'NEXT_REDIRECT') return { kind: 'redirect', location: parts.slice(2, -2).join(';') };
      if (parts[0] === 'NEXT_HTTP_ERROR_FALLBACK') return { kind: 'http-error', status: Number(parts[1]) };
    }
    throw error;
  }
}

/** The refusal an action answered: its error, else its field errors; null when it did not refuse. */
export function refusalOf(outcome: Outcome): string | null {
  if (outcome.kind !== 'state') return null;
  const { error, fieldErrors } = outcome.state;
  if (error) return error;
  const messages = Object.values(fieldErrors ?? {}).flatMap((list) => list ?? []);
  return messages.length ? messages.join(' ') : null;
}

/** The status a route answered, counting a thrown notFound() as 404. */
export function statusOf(outcome: Outcome): number | string {
  if (outcome.kind === 'response' || outcome.kind === 'http-error') return outcome.status;
  return outcome.kind === 'redirect' ? `redirect to ${outcome.location}` : 'an action state';
}

export function describeOutcome(outcome: Outcome): string {
  return JSON.stringify(outcome.kind === 'response' ? { ...outcome, body: outcome.body.slice(0, 300) } : outcome);
}

export function formData(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, String(value));
  return data;
}
