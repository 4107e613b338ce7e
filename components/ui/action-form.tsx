'use client';

import { startTransition, useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { ActionState } from '@/lib/auth/gate';
import { Button } from './button';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  className?: string;
  children?: ReactNode;
};

/**
 * A small form around a server action: its fields, a submit button, and the action's message or error. It submits
 * in a transition rather than through `action=` so that what the user typed stays after an error (React resets
 * action forms), and clears the fields only after a success.
 */
export function ActionForm({ action, submitLabel, pendingLabel, variant = 'primary', className = '', children }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const fieldErrors = Object.values(state.fieldErrors ?? {}).flat().filter(Boolean);
  return (
    <form
      ref={form}
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => submit(data));
      }}
    >
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? 'Saving…') : submitLabel}
      </Button>
      {(state.error || fieldErrors.length > 0) && (
        <p role="alert" className="basis-full text-sm text-red-700">
          {[state.error, ...fieldErrors].filter(Boolean).join(' ')}
        </p>
      )}
      {state.message && !state.error && (
        <p role="status" className="basis-full text-sm text-emerald-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
