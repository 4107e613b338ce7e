import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, jobs, organizations } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedWorkspaceData, type SeededWorkspace } from '@/lib/deletion/deletion-fixture';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { DEFAULT_SEGMENT_SCHEME } from '@/lib/models/rfm';
import { CUSTOM_SCHEME, OVERLAPPING_SCHEME } from '@/lib/testing/rfm-schemes';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveRfmSchemeAction } = await import('./actions');

let test: TestDatabase;
let shop: SeededWorkspace;
let other: SeededWorkspace;

const form = (scheme: unknown) => {
  const data = new FormData();
  data.set('scheme', typeof scheme === 'string' ? scheme : JSON.stringify(scheme));
  return data;
};
const storedScheme = async (orgId: string) =>
  (await test.db.select({ scheme: organizations.rfmScheme }).from(organizations).where(eq(organizations.id, orgId)))[0].scheme;
const schemeEvents = (orgId: string) =>
  test.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'rfm_scheme.changed')));
const queuedRecomputes = (orgId: string) =>
  test.db.select().from(jobs).where(and(eq(jobs.orgId, orgId), eq(jobs.kind, 'recompute'), eq(jobs.status, 'queued')));

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await seedWorkspaceData(test.db, 'Scheme Action Shop', ['a1', 'a2']);
  other = await seedWorkspaceData(test.db, 'Scheme Other Shop', ['b1']);
  // The fixture leaves a job of its own; only the ones the action queues count here.
  await test.db.delete(jobs);
});
afterAll(() => test?.drop());
beforeEach(() => {
  session.current = null;
});

describe(`saving the RFM segments (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('is refused to marketers and viewers, and to anyone signed out, changing nothing', async () => {
    const slug = shop.workspace.slug;
    session.current = { user: { id: shop.marketer.id } };
    expect(await saveRfmSchemeAction(slug, {}, form(CUSTOM_SCHEME))).toEqual({ error: 'This needs the Admin role; you are Marketer.' });
    session.current = { user: { id: shop.viewer.id } };
    expect(await saveRfmSchemeAction(slug, {}, form(CUSTOM_SCHEME))).toEqual({ error: 'This needs the Admin role; you are Viewer.' });
    session.current = null;
    expect(await saveRfmSchemeAction(slug, {}, form(CUSTOM_SCHEME))).toEqual({ error: 'Your session has ended. Sign in again.' });
    expect(await storedScheme(shop.tenant.orgId)).toBeNull();
    expect(await schemeEvents(shop.tenant.orgId)).toEqual([]);
    expect(await queuedRecomputes(shop.tenant.orgId)).toEqual([]);
  });

  it('refuses a scheme the validator rejects, saying which cells overlap and which segment is wrong', async () => {
    session.current = { user: { id: shop.admin.id } };
    const slug = shop.workspace.slug;
    expect(await saveRfmSchemeAction(slug, {}, form(OVERLAPPING_SCHEME))).toEqual({
      error: 'Please correct the highlighted fields.',
      fieldErrors: { scheme: ['“About to Sleep” and “Dormant” both cover R 3 · F 1, R 3 · F 2.'] },
    });
    const unnamed = CUSTOM_SCHEME.map((segment, index) => (index === 2 ? { ...segment, name: ' ' } : segment));
    expect((await saveRfmSchemeAction(slug, {}, form(unnamed))).fieldErrors).toEqual({ 'scheme.2.name': ['Give every segment a name.'] });
    expect((await saveRfmSchemeAction(slug, {}, form('not json'))).fieldErrors).toEqual({ scheme: ['The segments could not be read.'] });
    expect(await storedScheme(shop.tenant.orgId)).toBeNull();
    expect(await schemeEvents(shop.tenant.orgId)).toEqual([]);
    expect(await queuedRecomputes(shop.tenant.orgId)).toEqual([]);
  });

  it('lets an admin save a valid scheme for their own workspace only, recorded and followed by a recompute', async () => {
    session.current = { user: { id: shop.admin.id } };
    expect(await saveRfmSchemeAction(shop.workspace.slug, {}, form(CUSTOM_SCHEME))).toEqual({
      ok: true,
      message: 'Saved. Customer value is being recomputed so that every customer gets one of these segments.',
    });
    expect(await workspaceSegmentScheme(test.db, shop.tenant.orgId)).toEqual({ segments: CUSTOM_SCHEME, isDefault: false });
    const [event] = await schemeEvents(shop.tenant.orgId);
    expect(event).toMatchObject({ actorId: shop.admin.id, actorEmail: shop.admin.email, details: { after: CUSTOM_SCHEME.map((s) => s.name) } });
    const [job] = await queuedRecomputes(shop.tenant.orgId);
    expect(job.createdBy).toBe(shop.admin.id);

    expect(await saveRfmSchemeAction(other.workspace.slug, {}, form(CUSTOM_SCHEME))).toEqual({ error: 'Workspace not found.' });
    expect(await storedScheme(other.tenant.orgId)).toBeNull();
    expect(await queuedRecomputes(other.tenant.orgId)).toEqual([]);
  });

  it('goes back to the default grid, stored as no scheme', async () => {
    session.current = { user: { id: shop.admin.id } };
    expect(await saveRfmSchemeAction(shop.workspace.slug, {}, form(DEFAULT_SEGMENT_SCHEME))).toMatchObject({ ok: true });
    expect(await storedScheme(shop.tenant.orgId)).toBeNull();
    expect(await schemeEvents(shop.tenant.orgId)).toHaveLength(2);
    // A recompute already waiting covers the second change too.
    expect(await queuedRecomputes(shop.tenant.orgId)).toHaveLength(1);
  });
});
