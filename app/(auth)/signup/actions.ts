'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { EmailTakenError, createAccount } from '@/lib/auth/accounts';
import { signIn } from '@/lib/auth/config';
import { signUpSchema } from '@/lib/auth/credentials';
import { formDataToObject, validationFailure, type ActionState } from '@/lib/auth/gate';
import { isSignInThrottled, signInThrottledMessage } from '@/lib/auth/sign-in-throttle';
import { getDb } from '@/lib/db/client';

export async function signUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signUpSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  let slug: string;
  try {
    slug = (await createAccount(await getDb(), parsed.data)).workspace.slug;
  } catch (error) {
    if (error instanceof EmailTakenError) return { fieldErrors: { email: [error.message] } };
    throw error;
  }
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    // The account exists now; only the automatic sign-in was refused (this address hit the sign-in limit).
    if (isSignInThrottled(error)) {
      return { error: `Your account is ready, but we could not sign you in yet. ${signInThrottledMessage(error.retryAfterMs)}` };
    }
    if (error instanceof AuthError) redirect('/login');
    throw error;
  }
  redirect(`/w/${slug}/overview`);
}
