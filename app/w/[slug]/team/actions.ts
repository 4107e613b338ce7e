'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/events';
import { emailSchema } from '@/lib/auth/credentials';
import { memberAction, type Member } from '@/lib/auth/gate';
import { roles } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { invitationLink } from '@/lib/team/invitation-link';
import { createInvitation, renewInvitation, revokeInvitation, type Invitation } from '@/lib/team/invitations';
import { sendMail } from '@/lib/team/mailer';
import { changeMemberRole, LastAdminError, listMembers, removeMember } from '@/lib/team/members';

const roleSchema = z.enum(roles, 'Choose a role.');

async function mailInvitation(member: Member, invitation: Invitation, token: string) {
  const link = await invitationLink(token);
  await sendMail(await getDb(), member.tenant.orgId, {
    to: invitation.email,
    subject: `${member.user.name} invited you to ${member.workspace.name} on Segmenta`,
    body: `${member.user.name} (${member.user.email}) invited you to join ${member.workspace.name} as ${invitation.role}. The link works once, for 7 days.`,
    link,
  });
}

const done = (slug: string, message: string) => {
  revalidatePath(`/w/${slug}/team`);
  return { ok: true, message };
};

export const inviteMemberAction = memberAction('admin', z.object({ email: emailSchema, role: roleSchema }), async (input, member) => {
  const db = await getDb();
  if ((await listMembers(db, member.tenant.orgId)).some((m) => m.email === input.email)) {
    return { fieldErrors: { email: [`${input.email} is already a member.`] } };
  }
  const { invitation, token } = await createInvitation(db, member.tenant.orgId, { ...input, invitedBy: member.user.id });
  await mailInvitation(member, invitation, token);
  await recordAuditEvent(db, member.tenant.orgId, {
    actorId: member.user.id, actorEmail: member.user.email, action: 'member.invited', target: input.email, details: { role: input.role },
  });
  return done(member.workspace.slug, `Invitation sent to ${input.email}.`);
});

export const resendInvitationAction = memberAction('admin', z.object({ invitationId: z.coerce.number().int().positive() }), async (input, member) => {
  const renewed = await renewInvitation(await getDb(), member.tenant.orgId, input.invitationId);
  if (!renewed) return { error: 'That invitation is no longer pending.' };
  await mailInvitation(member, renewed.invitation, renewed.token);
  return done(member.workspace.slug, `Invitation sent again to ${renewed.invitation.email}; the earlier link no longer works.`);
});

export const revokeInvitationAction = memberAction('admin', z.object({ invitationId: z.coerce.number().int().positive() }), async (input, member) => {
  const db = await getDb();
  const revoked = await revokeInvitation(db, member.tenant.orgId, input.invitationId);
  if (!revoked) return { error: 'That invitation is no longer pending.' };
  await recordAuditEvent(db, member.tenant.orgId, { actorId: member.user.id, actorEmail: member.user.email, action: 'invitation.revoked', target: revoked.email });
  return done(member.workspace.slug, `Invitation for ${revoked.email} revoked.`);
});

export const changeRoleAction = memberAction('admin', z.object({ userId: z.uuid(), role: roleSchema }), async (input, member) => {
  const db = await getDb();
  try {
    const previous = await changeMemberRole(db, member.tenant.orgId, input.userId, input.role);
    if (!previous) return { error: 'That person is not a member of this workspace.' };
    await recordAuditEvent(db, member.tenant.orgId, {
      actorId: member.user.id, actorEmail: member.user.email, action: 'member.role_changed', target: input.userId, details: { from: previous, to: input.role },
    });
  } catch (error) {
    if (error instanceof LastAdminError) return { error: error.message };
    throw error;
  }
  return done(member.workspace.slug, 'Role changed.');
});

export const removeMemberAction = memberAction('admin', z.object({ userId: z.uuid() }), async (input, member) => {
  const db = await getDb();
  try {
    const removed = await removeMember(db, member.tenant.orgId, input.userId);
    if (!removed) return { error: 'That person is not a member of this workspace.' };
    await recordAuditEvent(db, member.tenant.orgId, {
      actorId: member.user.id, actorEmail: member.user.email, action: 'member.removed', target: removed.email, details: { role: removed.role },
    });
  } catch (error) {
    if (error instanceof LastAdminError) return { error: error.message };
    throw error;
  }
  return done(member.workspace.slug, 'Member removed: their access ends with their next request.');
});
