'use client';

import { startTransition, useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';

/** Creates a key and shows it once, with a copy button; the page never sees it again. */
export function NewApiKeyForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, submit, pending] = useActionState(action, {});
  const [name, setName] = useState('');
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          setCopied(false);
          startTransition(() => submit(data));
        }}
      >
        <Field label="Key name" name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Email tool" errors={state.fieldErrors?.name} className="w-64" />
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create API key'}
        </Button>
      </form>
      <FormError message={state.error && !state.fieldErrors ? state.error : undefined} />
      {state.secret && (
        <div role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <p>{state.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200">
              {state.secret}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(state.secret!);
                setCopied(true);
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
