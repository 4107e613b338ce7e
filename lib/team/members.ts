import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { memberships, users } from '@/lib/db/schema';
import type { Role } from '@/lib/auth/roles';

export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

export async function listMembers(db: Database, orgId: string): Promise<Member[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

export class LastAdminError extends Error {
  constructor() {
    super('A workspace needs at least one admin: make someone else admin first.');
  }
}

async function lockedAdminCount(tx: Database, orgId: string): Promise<number> {
  // Serialise admin changes of one workspace so two admins cannot demote each other at the same time.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`segmenta:admins:${orgId}`}))`);
  const [{ admins }] = await tx.select({ admins: count() }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin')));
  return admins;
}

/** Changes a member's role; refuses to demote the last admin. Returns the previous role, or null if not a member. */
export async function changeMemberRole(db: Database, orgId: string, userId: string, role: Role): Promise<Role | null> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [current] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    if (!current) return null;
    if (current.role === 'admin' && role !== 'admin' && (await lockedAdminCount(tx, orgId)) <= 1) throw new LastAdminError();
    await tx.update(memberships).set({ role }).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    return current.role;
  });
}

/** Removes a member (their next request to the workspace is refused); refuses to remove the last admin. */
export async function removeMember(db: Database, orgId: string, userId: string): Promise<Member | null> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const [member] = (await listMembers(tx, orgId)).filter((m) => m.userId === userId);
    if (!member) return null;
    if (member.role === 'admin' && (await lockedAdminCount(tx, orgId)) <= 1) throw new LastAdminError();
    await tx.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    return member;
  });
}
