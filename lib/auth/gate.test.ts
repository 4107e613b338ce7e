import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { createUser, type SignedInUser } from './users';
import { addMember, createWorkspace, type Workspace } from '@/lib/workspaces/workspaces';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('./config', () => ({ auth: async () => session.current }));

const { memberAction, requireMember, userAction } = await import('./gate');

let test: TestDatabase;
let owner: SignedInUser;
let viewer: SignedInUser;
let outsider: SignedInUser;
let shop: Workspace;

beforeAll(async () => {
  test = await createTestDatabase();
  owner = await createUser(test.db, { email: 'owner@example.com', name: 'Owner', password: 'a-long-password' });
  viewer = await createUser(test.db, { email: 'viewer@example.com', name: 'Viewer', password: 'a-long-password' });
  outsider = await createUser(test.db, { email: 'outsider@example.com', name: 'Outsider', password: 'a-long-password' });
  shop = await createWorkspace(test.db, { name: 'Gate Shop', currency: 'EUR', ownerId: owner.id });
  await addMember(test.db, shop.id, viewer.id, 'viewer');
  await createWorkspace(test.db, { name: 'Outsider Shop', currency: 'USD', ownerId: outsider.id });
});
afterAll(() => test?.drop());
beforeEach(() => {
  session.current = null;
});

const signInAs = (user: SignedInUser) => (session.current = { user: { id: user.id } });

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

describe('memberAction', () => {
  const handler = vi.fn(async (input: { name: string }, member: { tenant: { orgId: string }; role: string }) => ({
    ok: true,
    message: `${input.name} in ${member.tenant.orgId} as ${member.role}`,
  }));
  const renameAction = memberAction('marketer', z.object({ name: z.string().min(3, 'Too short.') }), handler);
  beforeEach(() => {
    handler.mockClear();
  });

  it('refuses a signed-out caller', async () => {
    expect(await renameAction(shop.slug, {}, formData({ name: 'Valid' }))).toEqual({ error: 'Your session has ended. Sign in again.' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a member of another workspace as if the workspace did not exist', async () => {
    signInAs(outsider);
    expect(await renameAction(shop.slug, {}, formData({ name: 'Valid' }))).toEqual({ error: 'Workspace not found.' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a role below the one required', async () => {
    signInAs(viewer);
    expect((await renameAction(shop.slug, {}, formData({ name: 'Valid' }))).error).toBe('This needs the Marketer role; you are Viewer.');
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns field errors for invalid input without calling the handler', async () => {
    signInAs(owner);
    expect(await renameAction(shop.slug, {}, formData({ name: 'ab' }))).toEqual({
      error: 'Please correct the highlighted fields.',
      fieldErrors: { name: ['Too short.'] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('runs the handler with the tenant of the workspace in the URL, whatever the form says', async () => {
    signInAs(owner);
    const result = await renameAction(shop.slug, {}, formData({ name: 'Valid', orgId: 'someone-else' }));
    expect(result).toEqual({ ok: true, message: `Valid in ${shop.id} as admin` });
  });
});

describe('userAction', () => {
  it('needs a signed-in user and valid input', async () => {
    const action = userAction(z.object({ name: z.string().min(1) }), async (input, user) => ({ message: `${input.name}:${user.email}` }));
    expect((await action({}, formData({ name: 'x' }))).error).toMatch(/session has ended/);
    signInAs(viewer);
    expect((await action({}, formData({}))).fieldErrors?.name).toBeDefined();
    expect(await action({}, formData({ name: 'x' }))).toEqual({ message: 'x:viewer@example.com' });
  });
});

describe('requireMember', () => {
  it('redirects the signed-out to /login and answers 404 to non-members', async () => {
    await expect(requireMember(shop.slug)).rejects.toMatchObject({ digest: expect.stringContaining('/login') });
    signInAs(outsider);
    await expect(requireMember(shop.slug)).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });

  it('gives a member their role and the workspace tenant', async () => {
    signInAs(viewer);
    const member = await requireMember(shop.slug);
    expect(member).toMatchObject({ role: 'viewer', workspace: { slug: shop.slug, currency: 'EUR' }, tenant: { orgId: shop.id } });
  });
});
