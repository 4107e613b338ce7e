import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { invitations, memberships, organizations, users } from '@/lib/db/schema';
import type { Role } from '@/lib/auth/roles';
import { hashSecret, newSecretToken } from '@/lib/security/secret-token';

export const INVITATION_DAYS = 7;

export type Invitation = typeof invitations.$inferSelect;
export type InvitationWithWorkspace = Invitation & { workspaceName: string; workspaceSlug: string; invitedByEmail: string | null };


/** Creates an invitation and returns it with its token: the token is shown once, in the link; only its hash is kept. */
export async function createInvitation(db: Database, orgId: string, input: { email: string; role: Role; invitedBy: string }): Promise<{ invitation: Invitation; token: string }> {
  const token = newSecretToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      orgId,
      email: input.email.toLowerCase(),
      role: input.role,
      tokenHash: hashSecret(token),
      invitedBy: input.invitedBy,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  return { invitation, token };
}

/** A fresh token and expiry for a pending invitation (the old link stops working). */
export async function renewInvitation(db: Database, orgId: string, id: number): Promise<{ invitation: Invitation; token: string } | null> {
  const token = newSecretToken();
  const [invitation] = await db
    .update(invitations)
    .set({ tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000) })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return invitation ? { invitation, token } : null;
}

export async function revokeInvitation(db: Database, orgId: string, id: number): Promise<Invitation | null> {
  const [invitation] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return invitation ?? null;
}

export async function pendingInvitations(db: Database, orgId: string): Promise<Invitation[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}

/** The invitation behind a link, whatever its state (the page explains expired, used or revoked links). */
export async function findInvitationByToken(db: Database, token: string): Promise<InvitationWithWorkspace | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ invitation: invitations, workspaceName: organizations.name, workspaceSlug: organizations.slug, invitedByEmail: users.email })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashSecret(token)));
  return row ? { ...row.invitation, workspaceName: row.workspaceName, workspaceSlug: row.workspaceSlug, invitedByEmail: row.invitedByEmail } : null;
}

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

export function invitationState(invitation: Invitation, now = new Date()): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.expiresAt <= now) return 'expired';
  return 'pending';
}

export class InvitationError extends Error {}

/**
 * Joins the invited user to the workspace, once: the invitation must be pending and addressed to this user's email.
 * An existing member keeps their membership, with the invited role.
 */
export async function acceptInvitation(db: Database, token: string, user: { id: string; email: string }): Promise<InvitationWithWorkspace> {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) throw new InvitationError('This invitation link is not valid.');
  const state = invitationState(invitation);
  if (state !== 'pending') throw new InvitationError(`This invitation has ${state === 'expired' ? 'expired' : `been ${state}`}. Ask an admin of ${invitation.workspaceName} for a new one.`);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new InvitationError(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  await db.transaction(async (tx) => {
    // The update claims the invitation: a second accept of the same link finds nothing to update.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.orgId, invitation.orgId), eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw new InvitationError('This invitation has already been used.');
    await tx
      .insert(memberships)
      .values({ orgId: invitation.orgId, userId: user.id, role: invitation.role })
      .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role: sql`excluded.role` } });
  });
  return invitation;
}
