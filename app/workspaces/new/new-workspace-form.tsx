'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { currencies } from '@/lib/workspaces/currencies';
import { createWorkspaceAction } from './actions';

export function NewWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field label="Workspace name" name="name" required autoFocus errors={errors.name} />
      <div>
        <label htmlFor="field-currency" className="block text-sm font-medium text-gray-900">
          Reporting currency
        </label>
        <select
          id="field-currency"
          name="currency"
          defaultValue="USD"
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
        >
          {currencies.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
        {errors.currency && <p className="mt-1 text-sm text-red-600">{errors.currency.join(' ')}</p>}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating…' : 'Create workspace'}
      </Button>
    </form>
  );
}
