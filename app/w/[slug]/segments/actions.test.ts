import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiKeys, segments } from '@/lib/db/schema';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { seedWorkspaceData, type SeededWorkspace } from '@/lib/deletion/deletion-fixture';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { saveSegmentAction, deleteSegmentAction, createTemplateSegmentsAction, refreshSegmentsAction, createStaticSegmentAction } = await import('./actions');
const { createApiKeyAction, revokeApiKeyAction } = await import('../settings/api-keys/actions');

let test: TestDatabase;
let shop: SeededWorkspace;

const rule = JSON.stringify({ version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'condition', field: 'monetary', operator: 'gt', value: 5 }] } });

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

const segmentsOf = (orgId: string) => test.db.select({ id: segments.id, name: segments.name }).from(segments).where(eq(segments.orgId, orgId));

/** Next's redirect() throws; the digest carries where to. */
async function redirectOf(result: Promise<unknown>): Promise<string> {
  const error = await result.then(
    () => null,
    (thrown: { digest?: string }) => thrown,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? '';
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(';')[2];
}

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await seedWorkspaceData(test.db, 'Action Shop', ['a1', 'a2', 'a3'], 2);
});
afterAll(async () => {
  await test?.drop();
});
beforeEach(() => {
  session.current = null;
});

describe('segment actions', () => {
  it('refuse viewers every change, leaving the segments as they were', async () => {
    session.current = { user: { id: shop.viewer.id } };
    const before = await segmentsOf(shop.tenant.orgId);
    const slug = shop.workspace.slug;
    const refusal = { error: 'This needs the Marketer role; you are Viewer.' };
    expect(await saveSegmentAction(slug, {}, formData({ name: 'Viewer made', rule }))).toEqual(refusal);
    expect(await deleteSegmentAction(slug, {}, formData({ id: String(before[0].id) }))).toEqual(refusal);
    expect(await createTemplateSegmentsAction(slug, {}, formData({ set: 'rfm' }))).toEqual(refusal);
    expect(await refreshSegmentsAction(slug, {}, formData({}))).toEqual(refusal);
    expect(await createStaticSegmentAction(slug, {}, formData({ name: 'List', externalIds: 'a1' }))).toEqual(refusal);
    expect(await segmentsOf(shop.tenant.orgId)).toEqual(before);
  });

  it('let a marketer save a rule, answering invalid rules field by field', async () => {
    session.current = { user: { id: shop.marketer.id } };
    const slug = shop.workspace.slug;
    const invalid = await saveSegmentAction(slug, {}, formData({ name: ' ', rule: '{"version":1,"root":{"kind":"group","combinator":"and","children":[{"kind":"condition","field":"password","operator":"eq","value":"x"}]}}' }));
    expect(invalid.fieldErrors).toEqual({
      name: ['Give the segment a name.'],
      rule: ['root.children.0.field: unknown field "password"'],
    });
    const target = await redirectOf(saveSegmentAction(slug, {}, formData({ name: 'Spent over 5', rule })));
    const saved = (await segmentsOf(shop.tenant.orgId)).find((s) => s.name === 'Spent over 5');
    expect(target).toBe(`/w/${slug}/segments/${saved?.id}`);
  });

  it('keep API keys to admins, show a new key once and store only its hash', async () => {
    const slug = shop.workspace.slug;
    session.current = { user: { id: shop.marketer.id } };
    expect(await createApiKeyAction(slug, {}, formData({ name: 'Email tool' }))).toEqual({ error: 'This needs the Admin role; you are Marketer.' });
    session.current = { user: { id: shop.admin.id } };
    const created = await createApiKeyAction(slug, {}, formData({ name: 'Email tool' }));
    expect(created.secret).toMatch(/^sgk_[0-9a-f]{32}_[\w-]{43}$/);
    const [stored] = await test.db.select().from(apiKeys).where(eq(apiKeys.orgId, shop.tenant.orgId));
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.secret!.slice(-20));
    expect(await revokeApiKeyAction(slug, {}, formData({ keyId: String(stored.id) }))).toEqual({ ok: true, message: 'Key “Email tool” revoked.' });
    expect(await revokeApiKeyAction(slug, {}, formData({ keyId: String(stored.id) }))).toEqual({ error: 'That key is already revoked or does not exist.' });
    const [revoked] = await test.db.select().from(apiKeys).where(and(eq(apiKeys.orgId, shop.tenant.orgId), eq(apiKeys.id, stored.id)));
    expect(revoked.revokedAt).toBeInstanceOf(Date);
  });
});
