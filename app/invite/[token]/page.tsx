import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Card } from '@/components/ui/card';
import { currentUser } from '@/lib/auth/gate';
import { roleLabels } from '@/lib/auth/roles';
import { findUserByEmail } from '@/lib/auth/users';
import { getDb } from '@/lib/db/client';
import { findInvitationByToken, invitationState } from '@/lib/team/invitations';
import { acceptInvitationAction, signUpWithInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Invitation' };

const inputClass = 'mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600';

export default async function InvitationPage({ params }: PageProps<'/invite/[token]'>) {
  const { token } = await params;
  const db = await getDb();
  const [invitation, user] = await Promise.all([findInvitationByToken(db, token), currentUser()]);
  const state = invitation ? invitationState(invitation) : null;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4">
      <Link href="/" className="mb-6 text-center text-2xl font-bold text-indigo-700">
        Segmenta
      </Link>
      {!invitation || state !== 'pending' ? (
        <Card title="This invitation cannot be used" headingLevel="h1">
          <p className="text-sm text-gray-700">
            {!invitation
              ? 'The link is not valid. Check that it was copied whole.'
              : `It has ${state === 'expired' ? 'expired' : `already been ${state}`}. Ask an admin of ${invitation.workspaceName} to invite you again.`}
          </p>
        </Card>
      ) : (
        <Card
          title={`Join ${invitation.workspaceName}`}
          headingLevel="h1"
          description={`${invitation.invitedByEmail ?? 'An admin'} invited ${invitation.email} as ${roleLabels[invitation.role]}.`}
        >
          {user ? (
            user.email === invitation.email ? (
              <ActionForm action={acceptInvitationAction} submitLabel="Accept invitation" pendingLabel="Joining…" className="space-y-3">
                <input type="hidden" name="token" value={token} />
              </ActionForm>
            ) : (
              <p className="text-sm text-gray-700">
                You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then open the link again.
              </p>
            )
          ) : (await findUserByEmail(db, invitation.email)) ? (
            <p className="text-sm text-gray-700">
              <Link className="font-semibold text-indigo-600" href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
                Sign in as {invitation.email}
              </Link>{' '}
              to accept.
            </p>
          ) : (
            <ActionForm action={signUpWithInvitationAction} submitLabel="Create account and join" pendingLabel="Joining…" className="space-y-4">
              <input type="hidden" name="token" value={token} />
              <label className="block text-sm">
                <span className="font-medium text-gray-900">Email</span>
                <input value={invitation.email} readOnly className={`${inputClass} bg-gray-50`} aria-readonly />
              </label>
              <label className="block text-sm">
                <span className="font-medium text-gray-900">Your name</span>
                <input name="name" required autoComplete="name" className={inputClass} />
              </label>
              <label className="block text-sm">
                <span className="font-medium text-gray-900">Password</span>
                <input name="password" type="password" required autoComplete="new-password" className={inputClass} />
                <span className="mt-1 block text-xs text-gray-500">At least 10 characters, not a common password.</span>
              </label>
            </ActionForm>
          )}
        </Card>
      )}
    </main>
  );
}
