import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/events';
import { auditEvents, imports, jobs, memberships, organizations } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { rowCounts, seedWorkspaceData, type SeededWorkspace } from './deletion-fixture';
import { deleteWorkspaceData, WorkspaceBusyError } from './delete-workspace-data';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { deleteAllDataAction } = await import('@/app/w/[slug]/settings/actions');

let test: TestDatabase;
let shop: SeededWorkspace;
let other: SeededWorkspace;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-deletion-'));

const empty = {
  customers: 0, orders: 0, customerMetrics: 0, modelFits: 0, imports: 0, importRejects: 0, columnMappings: 0, jobs: 0,
  segmentMembers: 0, segmentSnapshots: 0, segmentMemberChanges: 0,
};

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await seedWorkspaceData(test.db, 'Wipe Shop', ['a1', 'a2', 'a3'], 2);
  other = await seedWorkspaceData(test.db, 'Kept Shop', ['b1', 'b2'], 4);
  await test.db.update(organizations).set({ defaultMarginPct: 42 }).where(eq(organizations.id, shop.tenant.orgId));
  await recordAuditEvent(test.db, shop.tenant.orgId, { actorId: shop.admin.id, action: 'import.completed', target: 'orders:orders.csv' });
});
afterAll(async () => {
  await test?.drop();
  fs.rmSync(uploads, { recursive: true, force: true });
});
beforeEach(() => {
  session.current = null;
});

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const auditOf = (orgId: string) => test.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
const membersOf = (orgId: string) => test.db.select().from(memberships).where(eq(memberships.orgId, orgId));

describe(`deleteWorkspaceData (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('refuses while a job of the workspace is running, deleting nothing', async () => {
    const [running] = await test.db
      .insert(jobs)
      .values({ orgId: shop.tenant.orgId, kind: 'import', status: 'running', heartbeatAt: new Date() })
      .returning({ id: jobs.id });
    const before = await rowCounts(test.db, shop.tenant.orgId);
    await expect(deleteWorkspaceData(shop.tenant, shop.admin)).rejects.toBeInstanceOf(WorkspaceBusyError);
    expect(await rowCounts(test.db, shop.tenant.orgId)).toEqual(before);
    // A 'running' job whose heartbeat stopped died with its server: it no longer holds the deletion up.
    await test.db
      .update(jobs)
      .set({ heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(and(eq(jobs.orgId, shop.tenant.orgId), eq(jobs.id, running.id)));
  });

  it('deletes every data row of the workspace, keeps its members, settings and audit trail, and records the deletion', async () => {
    const waitingUpload = path.join(uploads, 'waiting.csv');
    fs.writeFileSync(waitingUpload, 'id\nsomeone\n');
    await test.db.insert(imports).values({
      orgId: shop.tenant.orgId, entity: 'customers', fileName: 'waiting.csv', fileSize: 12, storedFile: waitingUpload, headers: ['id'], mapping: ['external_id'],
    });
    const theirs = await rowCounts(test.db, other.tenant.orgId);
    const membersBefore = await membersOf(shop.tenant.orgId);
    const auditBefore = await auditOf(shop.tenant.orgId);

    const counts = await deleteWorkspaceData(shop.tenant, shop.admin);

    expect(counts).toEqual({
      customers: 3, orders: 6, customerMetrics: 3, modelFits: 1, imports: 2, importRejects: 1, columnMappings: 1, jobs: 2,
      // three memberships; one snapshot plus three "entered" rows
      segmentMembers: 3, segmentHistory: 4,
    });
    expect(await rowCounts(test.db, shop.tenant.orgId)).toEqual(empty);
    expect(fs.existsSync(waitingUpload)).toBe(false);
    expect(await rowCounts(test.db, other.tenant.orgId)).toEqual(theirs);
    expect(theirs).toMatchObject({ customers: 2, orders: 8, customerMetrics: 2 });

    expect(await membersOf(shop.tenant.orgId)).toEqual(membersBefore);
    const [workspace] = await test.db.select().from(organizations).where(eq(organizations.id, shop.tenant.orgId));
    expect(workspace).toMatchObject({ slug: shop.workspace.slug, defaultMarginPct: 42 });
    const audit = await auditOf(shop.tenant.orgId);
    expect(audit.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(audit).toHaveLength(auditBefore.length + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'workspace.data_deleted', actorId: shop.admin.id, actorEmail: shop.admin.email, details: counts });
  });
});

describe('deleteAllDataAction', () => {
  it('is for admins only', async () => {
    session.current = { user: { id: other.marketer.id } };
    const result = await deleteAllDataAction(other.workspace.slug, {}, formData({ confirmation: other.workspace.slug }));
    expect(result.error).toBe('This needs the Admin role; you are Marketer.');
    expect((await rowCounts(test.db, other.tenant.orgId)).customers).toBe(2);
  });

  it('refuses unless the workspace’s slug is typed exactly', async () => {
    session.current = { user: { id: other.admin.id } };
    const slug = other.workspace.slug;
    for (const typed of ['', 'delete', slug.toUpperCase(), ` ${slug}`, shop.workspace.slug]) {
      const result = await deleteAllDataAction(slug, {}, formData({ confirmation: typed }));
      expect(result, typed).toEqual({ error: `Type ${slug} to confirm.`, fieldErrors: { confirmation: [`Type ${slug} to confirm.`] } });
    }
    expect((await deleteAllDataAction(slug, {}, formData({}))).fieldErrors?.confirmation).toBeDefined();
    expect((await rowCounts(test.db, other.tenant.orgId)).customers).toBe(2);
  });

  it('deletes the data once confirmed', async () => {
    session.current = { user: { id: other.admin.id } };
    const result = await deleteAllDataAction(other.workspace.slug, {}, formData({ confirmation: other.workspace.slug }));
    expect(result).toEqual({ ok: true, message: 'All customer and order data was deleted.' });
    expect(await rowCounts(test.db, other.tenant.orgId)).toEqual(empty);
    expect((await auditOf(other.tenant.orgId)).map((event) => event.action)).toEqual(['workspace.data_deleted']);
  });
});
