'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/events';
import { signIn } from '@/lib/auth/config';
import { newPasswordSchema } from '@/lib/auth/credentials';
import { isEmailAsPassword, passwordMessages } from '@/lib/auth/password-policy';
import { formDataToObject, userAction, validationFailure, type ActionState } from '@/lib/auth/gate';
import { createUser, findUserByEmail } from '@/lib/auth/users';
import { getDb } from '@/lib/db/client';
import { acceptInvitation, findInvitationByToken, invitationState, InvitationError } from '@/lib/team/invitations';

const tokenSchema = z.string().min(20).max(100);

async function joined(invitation: { orgId: string; workspaceSlug: string; email: string; role: string }, userId: string) {
  await recordAuditEvent(await getDb(), invitation.orgId, {
    actorId: userId, actorEmail: invitation.email, action: 'member.joined', target: invitation.email, details: { role: invitation.role },
  });
  redirect(`/w/${invitation.workspaceSlug}/overview`);
}

/** A signed-in user accepts an invitation addressed to their email. */
export const acceptInvitationAction = userAction(z.object({ token: tokenSchema }), async (input, user) => {
  try {
    const invitation = await acceptInvitation(await getDb(), input.token, user);
    await joined(invitation, user.id);
  } catch (error) {
    if (error instanceof InvitationError) return { error: error.message };
    throw error;
  }
});

const newAccountSchema = z.object({
  token: tokenSchema,
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  password: newPasswordSchema,
});

/** Someone without an account signs up through the link: the account gets the invited email and joins at once. */
export async function signUpWithInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = newAccountSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  const db = await getDb();
  const invitation = await findInvitationByToken(db, parsed.data.token);
  if (!invitation || invitationState(invitation) !== 'pending') return { error: 'This invitation is no longer valid. Ask for a new one.' };
  if (await findUserByEmail(db, invitation.email)) return { error: `An account for ${invitation.email} exists: sign in to accept.` };
  if (isEmailAsPassword(parsed.data.password, invitation.email)) return { fieldErrors: { password: [passwordMessages.isEmail] } };
  const user = await createUser(db, { email: invitation.email, name: parsed.data.name, password: parsed.data.password });
  try {
    await acceptInvitation(db, parsed.data.token, user);
    await signIn('credentials', { email: invitation.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof InvitationError) return { error: error.message };
    if (error instanceof AuthError) return { error: 'Your account is ready; sign in to continue.' };
    throw error;
  }
  await joined(invitation, user.id);
  return {};
}
