'use server';

import { redirect } from 'next/navigation';
import { EmailTakenError, createAccount } from '@/lib/auth/accounts';
import { signIn } from '@/lib/auth/config';
import { signUpSchema } from '@/lib/auth/credentials';
import { formDataToObject, validationFailure, type ActionState } from '@/lib/auth/gate';
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
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
  redirect(`/w/${slug}/overview`);
}
