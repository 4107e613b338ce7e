'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { signUpAction } from './actions';

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field label="Your name" name="name" autoComplete="name" required errors={errors.name} autoFocus />
      <Field label="Work email" name="email" type="email" autoComplete="email" required errors={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        errors={errors.password}
        hint="At least 10 characters, not a common password."
      />
      <Field
        label="Workspace name"
        name="workspace"
        required
        errors={errors.workspace}
        hint="Usually your company or brand. You can create more workspaces later."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Creating your workspace…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-gray-600">
        Already have an account?{' '}
        <Link href="/login" className="font-semibold text-indigo-600 hover:text-indigo-500">
          Sign in
        </Link>
      </p>
    </form>
  );
}
