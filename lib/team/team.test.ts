import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { invitations, memberships, outboxMessages } from '@/lib/db/schema';
import { createUser, type SignedInUser } from '@/lib/auth/users';
import { createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';
import { acceptInvitation, createInvitation, findInvitationByToken, invitationState, renewInvitation, revokeInvitation } from './invitations';
import { changeMemberRole, LastAdminError, listMembers, removeMember } from './members';
import { sendMail } from './mailer';

let test: TestDatabase;
let admin: SignedInUser;
let shop: Workspace;

beforeAll(async () => {
  test = await createTestDatabase();
  admin = await createUser(test.db, { email: 'boss@example.com', name: 'Boss', password: 'a-long-password' });
  shop = await createWorkspace(test.db, { name: 'Team Shop', currency: 'USD', ownerId: admin.id });
});
afterAll(() => test?.drop());

describe(`invitations (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('stores only a hash of the token and lets the invited address join once, with the role', async () => {
    const { invitation, token } = await createInvitation(test.db, shop.id, { email: 'New.Person@Example.com', role: 'marketer', invitedBy: admin.id });
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.email).toBe('new.person@example.com');
    expect((invitation.expiresAt.getTime() - Date.now()) / 86_400_000).toBeCloseTo(7, 1);

    const stranger = await createUser(test.db, { email: 'other@example.com', name: 'Other', password: 'a-long-password' });
    await expect(acceptInvitation(test.db, token, stranger)).rejects.toThrow('This invitation is for new.person@example.com');

    const invited = await createUser(test.db, { email: 'new.person@example.com', name: 'New', password: 'a-long-password' });
    expect((await acceptInvitation(test.db, token, invited)).workspaceSlug).toBe(shop.slug);
    const [membership] = await test.db.select().from(memberships).where(and(eq(memberships.orgId, shop.id), eq(memberships.userId, invited.id)));
    expect(membership.role).toBe('marketer');
    await expect(acceptInvitation(test.db, token, invited)).rejects.toThrow(/has been accepted/);
    await expect(acceptInvitation(test.db, 'not-a-real-token-at-all-123', invited)).rejects.toThrow('not valid');
  });

  it('refuses revoked and expired links, and a resend replaces the old link', async () => {
    const revoked = await createInvitation(test.db, shop.id, { email: 'r@example.com', role: 'viewer', invitedBy: admin.id });
    await revokeInvitation(test.db, shop.id, revoked.invitation.id);
    const user = await createUser(test.db, { email: 'r@example.com', name: 'R', password: 'a-long-password' });
    await expect(acceptInvitation(test.db, revoked.token, user)).rejects.toThrow(/been revoked/);

    const expiring = await createInvitation(test.db, shop.id, { email: 'r@example.com', role: 'viewer', invitedBy: admin.id });
    await test.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(invitations.orgId, shop.id), eq(invitations.id, expiring.invitation.id)));
    expect(invitationState((await findInvitationByToken(test.db, expiring.token))!)).toBe('expired');
    await expect(acceptInvitation(test.db, expiring.token, user)).rejects.toThrow(/has expired/);

    const fresh = await createInvitation(test.db, shop.id, { email: 'r@example.com', role: 'viewer', invitedBy: admin.id });
    const renewed = await renewInvitation(test.db, shop.id, fresh.invitation.id);
    expect(await findInvitationByToken(test.db, fresh.token)).toBeNull();
    await acceptInvitation(test.db, renewed!.token, user);
  });

  it('keeps every mail in the outbox with its link', async () => {
    await sendMail(test.db, shop.id, { to: 'x@example.com', subject: 'Join', body: 'Hello', link: 'http://localhost/invite/abc' });
    const [mail] = await test.db.select().from(outboxMessages).where(eq(outboxMessages.orgId, shop.id));
    expect(mail).toMatchObject({ toEmail: 'x@example.com', link: 'http://localhost/invite/abc', transport: 'outbox' });
  });
});

describe(`members (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('never leaves a workspace without an admin', async () => {
    await expect(changeMemberRole(test.db, shop.id, admin.id, 'viewer')).rejects.toThrow(LastAdminError);
    await expect(removeMember(test.db, shop.id, admin.id)).rejects.toThrow(LastAdminError);

    const second = (await listMembers(test.db, shop.id)).find((m) => m.email === 'new.person@example.com')!;
    expect(await changeMemberRole(test.db, shop.id, second.userId, 'admin')).toBe('marketer');
    expect(await changeMemberRole(test.db, shop.id, admin.id, 'viewer')).toBe('admin');
    expect(await removeMember(test.db, shop.id, admin.id)).toMatchObject({ email: 'boss@example.com' });
    expect((await listMembers(test.db, shop.id)).some((m) => m.userId === admin.id)).toBe(false);
    expect(await changeMemberRole(test.db, shop.id, admin.id, 'viewer')).toBeNull();
  });
});
