import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { auditEvents } from '@/lib/db/schema';
import { tenantFromMembership, type Tenant } from '@/lib/db/tenant';
import { createUser } from '@/lib/auth/users';
import { createWorkspace } from '@/lib/workspaces/workspaces';
import { auditActions, listAuditEvents, type AuditEventQuery } from './queries';

let test: TestDatabase;
let shopA: Tenant;
let shopB: Tenant;

type Event = { at: string; action: string; actorEmail?: string; actorId?: string; target?: string; details?: Record<string, unknown>; ip?: string };

async function workspaceWithEvents(name: string, ownerEmail: string, events: (owner: { id: string }) => Event[]): Promise<Tenant> {
  const owner = await createUser(test.db, { email: ownerEmail, name, password: 'a-long-password' });
  const workspace = await createWorkspace(test.db, { name, currency: 'USD', ownerId: owner.id });
  await test.db.insert(auditEvents).values(events(owner).map((event) => ({ ...event, orgId: workspace.id, at: new Date(event.at) })));
  return tenantFromMembership(workspace.id);
}

const page = (query: Partial<AuditEventQuery> = {}): AuditEventQuery => ({ page: 1, pageSize: 50, ...query });
const targets = async (tenant: Tenant, query: Partial<AuditEventQuery> = {}) =>
  (await listAuditEvents(tenant, page(query))).rows.map((row) => row.target);

beforeAll(async () => {
  test = await createTestDatabase();
  shopA = await workspaceWithEvents('Shop A', 'owner.a@example.com', (owner) => [
    { at: '2024-02-29T23:59:59Z', action: 'import.completed', actorId: owner.id, target: 'a-feb-29', details: { rowsRead: 10 } },
    { at: '2024-03-01T00:00:00Z', action: 'customer.deleted', actorEmail: 'Ops_Team@example.com', target: 'a-mar-1-start', ip: '10.0.0.1' },
    { at: '2024-03-01T23:59:59.999Z', action: 'customer.deleted', actorEmail: 'opsXteam@example.com', target: 'a-mar-1-end' },
    { at: '2024-03-02T00:00:00Z', action: 'workspace.data_deleted', actorEmail: 'pct%sign@example.com', target: 'a-mar-2' },
    { at: '2024-03-02T00:00:00Z', action: 'custom.thing', actorEmail: 'pctXsign@example.com', target: 'a-mar-2-later-id' },
  ]);
  shopB = await workspaceWithEvents('Shop B', 'owner.b@example.com', () => [
    { at: '2024-03-01T12:00:00Z', action: 'customer.deleted', actorEmail: 'ops_team@example.com', target: 'b-mar-1' },
    { at: '2024-03-01T13:00:00Z', action: 'member.invited', actorEmail: 'owner.a@example.com', target: 'b-invite' },
  ]);
});
afterAll(() => test?.drop());

describe(`audit trail queries (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('lists only the workspace’s own events, newest first, ties broken by the later id', async () => {
    const { rows, total } = await listAuditEvents(shopA, page());
    expect(total).toBe(5);
    expect(rows.map((row) => row.target)).toEqual(['a-mar-2-later-id', 'a-mar-2', 'a-mar-1-end', 'a-mar-1-start', 'a-feb-29']);
    expect(rows[3]).toMatchObject({ action: 'customer.deleted', actorEmail: 'Ops_Team@example.com', ip: '10.0.0.1', details: {} });
    expect(rows[3].at.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(await targets(shopB)).toEqual(['b-invite', 'b-mar-1']);
  });

  it('shows the actor’s account email when the event recorded none', async () => {
    const [event] = (await listAuditEvents(shopA, page({ action: 'import.completed' }))).rows;
    expect(event).toMatchObject({ actorEmail: 'owner.a@example.com', details: { rowsRead: 10 } });
    expect(await targets(shopA, { actor: 'OWNER.A' })).toEqual(['a-feb-29']);
  });

  it('filters by action', async () => {
    expect(await targets(shopA, { action: 'customer.deleted' })).toEqual(['a-mar-1-end', 'a-mar-1-start']);
    expect(await targets(shopA, { action: 'member.invited' })).toEqual([]);
  });

  it('filters by part of the actor’s email, case-insensitive, with % and _ taken literally', async () => {
    expect(await targets(shopA, { actor: 'OPS_team' })).toEqual(['a-mar-1-start']);
    expect(await targets(shopA, { actor: 'ops' })).toEqual(['a-mar-1-end', 'a-mar-1-start']);
    expect(await targets(shopA, { actor: 'pct%' })).toEqual(['a-mar-2']);
    expect(await targets(shopA, { actor: '%' })).toEqual(['a-mar-2']);
    expect(await targets(shopA, { actor: '\\' })).toEqual([]);
  });

  it('filters by an inclusive range of UTC days', async () => {
    expect(await targets(shopA, { from: '2024-03-01', to: '2024-03-01' })).toEqual(['a-mar-1-end', 'a-mar-1-start']);
    expect(await targets(shopA, { from: '2024-03-02' })).toEqual(['a-mar-2-later-id', 'a-mar-2']);
    expect(await targets(shopA, { to: '2024-02-29' })).toEqual(['a-feb-29']);
    expect(await targets(shopA, { from: '2024-03-02', to: '2024-03-01' })).toEqual([]);
  });

  it('combines filters and counts the matches of all pages', async () => {
    const { rows, total } = await listAuditEvents(shopA, page({ action: 'customer.deleted', actor: 'team', from: '2024-03-01', pageSize: 1 }));
    expect(total).toBe(2);
    expect(rows.map((row) => row.target)).toEqual(['a-mar-1-end']);
  });

  it('pages through the events without repeating one', async () => {
    const pages = await Promise.all([1, 2, 3].map((n) => listAuditEvents(shopA, page({ page: n, pageSize: 2 }))));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.rows.map((row) => row.target))).toEqual([
      'a-mar-2-later-id', 'a-mar-2', 'a-mar-1-end', 'a-mar-1-start', 'a-feb-29',
    ]);
    expect(await listAuditEvents(shopA, page({ page: 9, pageSize: 2 }))).toEqual({ rows: [], total: 5 });
  });

  it('lists each action recorded in the workspace once', async () => {
    expect(await auditActions(shopA)).toEqual(['custom.thing', 'customer.deleted', 'import.completed', 'workspace.data_deleted']);
    expect(await auditActions(shopB)).toEqual(['customer.deleted', 'member.invited']);
  });
});
