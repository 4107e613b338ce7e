'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';

type Props = {
  slug: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Deleting all data needs the workspace's slug typed out, so it cannot happen by a stray click. */
export function DeleteDataForm({ slug, action }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="max-w-xl space-y-4" noValidate>
      {/* A refused confirmation is shown beside its field; other errors (e.g. a running import) here. */}
      <FormError message={errors.confirmation ? undefined : state.error} />
      {state.message && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {state.message}
        </p>
      )}
      <p className="text-sm text-gray-700">This cannot be undone.</p>
      <Field
        label={`Type ${slug} to confirm`}
        name="confirmation"
        autoComplete="off"
        spellCheck={false}
        errors={errors.confirmation}
        disabled={pending}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete all customer and order data'}
      </Button>
    </form>
  );
}
