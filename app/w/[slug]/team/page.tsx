import type { Metadata } from 'next';
import { desc, eq } from 'drizzle-orm';
import { ActionForm } from '@/components/ui/action-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { roleLabels, roles } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { outboxMessages } from '@/lib/db/schema';
import { formatDate } from '@/lib/format';
import { pendingInvitations } from '@/lib/team/invitations';
import { listMembers } from '@/lib/team/members';
import { changeRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Team' };

const inputClass = 'rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600';

function RoleSelect({ name, defaultValue, label }: { name: string; defaultValue: string; label: string }) {
  return (
    <select name={name} defaultValue={defaultValue} aria-label={label} className={inputClass}>
      {[...roles].reverse().map((role) => (
        <option key={role} value={role}>
          {roleLabels[role]}
        </option>
      ))}
    </select>
  );
}

export default async function TeamPage({ params }: PageProps<'/w/[slug]/team'>) {
  const { slug } = await params;
  const { tenant, role, user, workspace } = await requireMember(slug);
  if (role !== 'admin') {
    return (
      <>
        <PageHeader title="Team" />
        <p className="rounded-md bg-gray-100 px-4 py-3 text-sm text-gray-700">Only admins manage the team of {workspace.name}.</p>
      </>
    );
  }
  const db = await getDb();
  const [members, invitations, outbox] = await Promise.all([
    listMembers(db, tenant.orgId),
    pendingInvitations(db, tenant.orgId),
    db.select().from(outboxMessages).where(eq(outboxMessages.orgId, tenant.orgId)).orderBy(desc(outboxMessages.createdAt)).limit(10),
  ]);
  const bind = <A extends (slug: string, ...rest: never[]) => unknown>(action: A) => action.bind(null, slug) as never;

  return (
    <>
      <PageHeader title="Team" description="Viewers read everything; marketers also import, recompute and plan; admins also manage the team and settings." />
      <div className="space-y-6">
        <Card title="Invite a teammate">
          <ActionForm action={bind(inviteMemberAction)} submitLabel="Send invitation" pendingLabel="Sending…" className="flex flex-wrap items-end gap-3">
            <label className="text-sm">
              <span className="block font-medium text-gray-900">Email</span>
              <input name="email" type="email" required autoComplete="off" className={`mt-1 w-72 ${inputClass}`} />
            </label>
            <label className="text-sm">
              <span className="block font-medium text-gray-900">Role</span>
              <span className="mt-1 block">
                <RoleSelect name="role" defaultValue="viewer" label="Role of the invited person" />
              </span>
            </label>
          </ActionForm>
        </Card>

        <Card title="Members" description={`${members.length} with access to ${workspace.name}`}>
          <ul className="divide-y divide-gray-100" aria-label="Members">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-member={m.email}>
                <div>
                  <p className="text-sm font-medium text-gray-900">
                    {m.name} {m.userId === user.id && <span className="text-gray-500">(you)</span>}
                  </p>
                  <p className="text-xs text-gray-500">
                    {m.email} · since {formatDate(m.joinedAt)}
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-3">
                  <ActionForm action={bind(changeRoleAction)} submitLabel="Change role" variant="secondary" className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="userId" value={m.userId} />
                    <RoleSelect name="role" defaultValue={m.role} label={`Role of ${m.email}`} />
                  </ActionForm>
                  <ActionForm action={bind(removeMemberAction)} submitLabel="Remove" variant="ghost" pendingLabel="Removing…" className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="userId" value={m.userId} />
                  </ActionForm>
                </div>
              </li>
            ))}
          </ul>
        </Card>

        <Card title="Pending invitations">
          {invitations.length === 0 ? (
            <p className="text-sm text-gray-600">No pending invitations.</p>
          ) : (
            <ul className="divide-y divide-gray-100">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-invitation={invitation.email}>
                  <p className="text-sm">
                    <span className="font-medium">{invitation.email}</span> · {roleLabels[invitation.role]} · expires {formatDate(invitation.expiresAt)}
                  </p>
                  <div className="flex gap-2">
                    <ActionForm action={bind(resendInvitationAction)} submitLabel="Resend" variant="secondary" className="flex items-center gap-2">
                      <input type="hidden" name="invitationId" value={invitation.id} />
                    </ActionForm>
                    <ActionForm action={bind(revokeInvitationAction)} submitLabel="Revoke" variant="ghost" className="flex items-center gap-2">
                      <input type="hidden" name="invitationId" value={invitation.id} />
                    </ActionForm>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card
          title="Outbox"
          description={process.env.SMTP_URL ? 'Mail sent through SMTP_URL, newest first.' : 'No mail server is configured (SMTP_URL): copy the links from here.'}
        >
          {outbox.length === 0 ? (
            <p className="text-sm text-gray-600">Nothing sent yet.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {outbox.map((mail) => (
                <li key={mail.id} data-outbox={mail.toEmail}>
                  <p className="font-medium text-gray-900">
                    To {mail.toEmail}: {mail.subject}
                  </p>
                  {mail.link && (
                    <input readOnly value={mail.link} aria-label={`Invitation link for ${mail.toEmail}`} className={`mt-1 w-full font-mono text-xs ${inputClass}`} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
