'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn } from '@/lib/auth/config';
import { newPasswordSchema } from '@/lib/auth/credentials';
import { userAction } from '@/lib/auth/gate';
import { changePassword } from '@/lib/auth/password-change';
import { isEmailAsPassword, passwordMessages } from '@/lib/auth/password-policy';
import { isSignInThrottled, signInThrottledMessage } from '@/lib/auth/sign-in-throttle';
import { getDb } from '@/lib/db/client';
import { clientIp } from '@/lib/security/client-ip';

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine(({ newPassword, confirmPassword }) => newPassword === confirmPassword, {
    message: 'The two new passwords differ.',
    path: ['confirmPassword'],
  })
  .refine(({ currentPassword, newPassword }) => currentPassword !== newPassword, {
    message: 'Choose a password different from the current one.',
    path: ['newPassword'],
  });

export const changePasswordAction = userAction(changePasswordSchema, async (input, user) => {
  if (isEmailAsPassword(input.newPassword, user.email)) return { fieldErrors: { newPassword: [passwordMessages.isEmail] } };
  let outcome: Awaited<ReturnType<typeof changePassword>>;
  try {
    outcome = await changePassword(await getDb(), user, input, clientIp(await headers()));
  } catch (error) {
    if (isSignInThrottled(error)) return { error: signInThrottledMessage(error.retryAfterMs) };
    throw error;
  }
  if (outcome === 'wrong-password') return { fieldErrors: { currentPassword: ['That is not your current password.'] } };
  // The change ended this session too: sign in again with the new password for a session of the new version.
  try {
    await signIn('credentials', { email: user.email, password: input.newPassword, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) redirect('/login');
    throw error;
  }
  // A redirect, not a returned message: the page rendered with this response would read the old session cookie
  // from the request, while Next.js fetches the redirect's page with the cookie just set.
  redirect('/account?password=changed');
});
