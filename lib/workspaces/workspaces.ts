import { and, asc, eq, like } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { memberships, organizations } from '@/lib/db/schema';
import type { Role } from '@/lib/auth/roles';
import { slugify } from './slug';

export type Workspace = { id: string; slug: string; name: string; currency: string; isDemo: boolean };
export type WorkspaceMembership = { workspace: Workspace; role: Role };

const workspaceColumns = {
  id: organizations.id,
  slug: organizations.slug,
  name: organizations.name,
  currency: organizations.currency,
  isDemo: organizations.isDemo,
};

export async function listWorkspacesForUser(db: Database, userId: string): Promise<WorkspaceMembership[]> {
  const rows = await db
    .select({ workspace: workspaceColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
  return rows;
}

export async function findMembership(db: Database, userId: string, slug: string): Promise<WorkspaceMembership | null> {
  const [row] = await db
    .select({ workspace: workspaceColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organizations.slug, slug)))
    .limit(1);
  return row ?? null;
}

async function availableSlug(db: Database, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, `${base}%`))).map(
      (r) => r.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function findWorkspaceBySlug(db: Database, slug: string): Promise<Workspace | null> {
  const [row] = await db.select(workspaceColumns).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row ?? null;
}

/** Creates a workspace with its creator as admin (no member at all when created from the command line). */
export async function createWorkspace(
  db: Database,
  input: { name: string; currency: string; ownerId: string | null; isDemo?: boolean; slug?: string },
): Promise<Workspace> {
  return db.transaction(async (tx) => {
    const slug = input.slug ?? (await availableSlug(tx as unknown as Database, input.name));
    const [workspace] = await tx
      .insert(organizations)
      .values({ name: input.name, slug, currency: input.currency, isDemo: input.isDemo ?? false })
      .returning(workspaceColumns);
    if (input.ownerId) await tx.insert(memberships).values({ orgId: workspace.id, userId: input.ownerId, role: 'admin' });
    return workspace;
  });
}

export async function addMember(db: Database, orgId: string, userId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ orgId, userId, role }).onConflictDoNothing();
}

export async function findDemoWorkspace(db: Database): Promise<Workspace | null> {
  const [row] = await db.select(workspaceColumns).from(organizations).where(eq(organizations.isDemo, true)).limit(1);
  return row ?? null;
}
