'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/lib/auth/config';
import { signInSchema } from '@/lib/auth/credentials';
import type { ActionState } from '@/lib/auth/gate';
import { isSignInThrottled, signInThrottledMessage } from '@/lib/auth/sign-in-throttle';

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return { error: 'Enter your email and password.' };
  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    // Throttling is told apart (it applies to unknown emails too, so it reveals nothing); every other failure reads the same.
    if (isSignInThrottled(error)) return { error: signInThrottledMessage(error.retryAfterMs) };
    if (error instanceof AuthError) return { error: 'That email and password do not match an account.' };
    throw error;
  }
  redirect(safeReturnPath(formData.get('next')));
}

/** Only paths of this site (no scheme, no host, no `//`) are followed after sign-in. */
function safeReturnPath(next: FormDataEntryValue | null): string {
  return typeof next === 'string' && /^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : '/';
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
