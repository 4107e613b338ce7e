'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { changePasswordAction } from './actions';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        errors={errors.newPassword}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password.`}
      />
      <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing password…' : 'Change password'}
      </Button>
    </form>
  );
}
