import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/lib/auth/users';
import { auditEvents, segmentMemberChanges, segmentSnapshots } from '@/lib/db/schema';
import { queryRows } from '@/lib/db/rows';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { csvChunks } from '@/lib/import/csv-writer';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { segmentMembersForApi } from './api-members';
import { planSegmentExport, segmentExportRows } from './export-members';
import { refreshSegments } from './refresh-membership';
import type { SegmentRule } from './rule-schema';
import { segmentOverview } from './segment-list';
import { customerIdsByExternalId } from './static-members';
import {
  createRuleSegment,
  createRuleSegments,
  createStaticSegment,
  deleteSegment,
  findSegment,
  updateSegment,
  type SaveResult,
} from './segment-store';
import { VALUE_TEMPLATES } from './templates';

let test: TestDatabase;
let shop: Tenant;
let other: Tenant;
let userId: string;

const rule = (...children: unknown[]) => ({ version: 1, root: { kind: 'group', combinator: 'and', children } }) as SegmentRule;
const clvOver = (value: number) => rule({ kind: 'condition', field: 'predicted_clv', operator: 'gt', value });
const details = (name: string) => ({ name, description: '', color: 'indigo' as const });

// Pinned model outputs and consent per customer, so membership does not depend on the fit of six customers.
const PINNED: Record<string, { clv: number; consent: boolean; name: string }> = {
  c1: { clv: 400, consent: true, name: 'Ann' },
  c2: { clv: 250, consent: false, name: '=HYPERLINK("http://evil")' },
  c3: { clv: 120, consent: true, name: 'Cem' },
  c4: { clv: 60, consent: true, name: 'Dee' },
  c5: { clv: 10, consent: false, name: 'Eve' },
  c6: { clv: 0, consent: true, name: 'Fay' },
};

async function pin(tenant: Tenant, externalId: string, values: { clv?: number; consent?: boolean; name?: string }) {
  await test.db.execute(sql`
    update customers set marketing_consent = coalesce(${values.consent ?? null}::boolean, marketing_consent), name = coalesce(${values.name ?? null}::text, name)
    where org_id = ${tenant.orgId} and external_id = ${externalId}`);
  if (values.clv !== undefined) {
    await test.db.execute(sql`
      update customer_metrics m set predicted_clv = ${values.clv} from customers c
      where c.org_id = m.org_id and c.id = m.customer_id and c.org_id = ${tenant.orgId} and c.external_id = ${externalId}`);
  }
}

async function memberIds(tenant: Tenant, segmentId: number): Promise<string[]> {
  const rows = await queryRows<{ external_id: string }>(
    test.db,
    sql`select c.external_id from segment_members sm join customers c on c.org_id = sm.org_id and c.id = sm.customer_id
        where sm.org_id = ${tenant.orgId} and sm.segment_id = ${segmentId} order by 1`,
  );
  return rows.map((row) => row.external_id);
}

function saved(result: SaveResult | null): number {
  if (!result?.ok) throw new Error(`expected a saved segment, got ${JSON.stringify(result)}`);
  return result.id;
}

beforeAll(async () => {
  test = await createTestDatabase();
  const orders = Object.keys(PINNED).flatMap((id, i) => [
    { customerId: id, date: '2024-01-10', amount: 20 + i },
    ...(i % 2 === 0 ? [{ customerId: id, date: '2024-05-10', amount: 30 }] : []),
  ]);
  shop = await workspaceWithOrders(test.db, 'Segment Shop', orders);
  other = await workspaceWithOrders(test.db, 'Other Shop', [
    { customerId: 'o1', date: '2024-02-01', amount: 900 },
    { customerId: 'o2', date: '2024-03-01', amount: 800 },
  ]);
  for (const tenant of [shop, other]) await recomputeCustomerValue(tenant);
  for (const [id, values] of Object.entries(PINNED)) await pin(shop, id, values);
  await pin(other, 'o1', { clv: 999, consent: true });
  await pin(other, 'o2', { clv: 999, consent: true });
  userId = (await createUser(test.db, { email: 'segments@example.com', name: 'Seg', password: 'fixture-password' })).id;
});
afterAll(async () => {
  await test?.drop();
});

describe(`segment store and refresh (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  let highClv: number;
  let notHighClv: number;

  it('saves a rule segment with its members and a baseline snapshot listing nobody as entered', async () => {
    highClv = saved(await createRuleSegment(shop, userId, { ...details('High CLV'), rule: clvOver(100) }));
    expect(await memberIds(shop, highClv)).toEqual(['c1', 'c2', 'c3']);
    const snapshots = await test.db.select().from(segmentSnapshots).where(eq(segmentSnapshots.segmentId, highClv));
    // 400 + 250 + 120 = 770 of predicted CLV; six customers in the workspace.
    expect(snapshots).toEqual([expect.objectContaining({ customers: 3, totalCustomers: 6, predictedClv: 770, averagePredictedClv: 770 / 3, entered: 3, departed: 0 })]);
    expect(await test.db.select().from(segmentMemberChanges).where(eq(segmentMemberChanges.snapshotId, snapshots[0].id))).toEqual([]);
    expect((await findSegment(shop, highClv))?.refreshedAt).toBeInstanceOf(Date);
  });

  it('refreshes after the data changes, recording who entered and who left', async () => {
    await pin(shop, 'c1', { clv: 50 });
    await pin(shop, 'c4', { clv: 300 });
    await withTenant(shop, (tx) => refreshSegments(tx, shop.orgId));
    expect(await memberIds(shop, highClv)).toEqual(['c2', 'c3', 'c4']);
    const [, latest] = await test.db.select().from(segmentSnapshots).where(eq(segmentSnapshots.segmentId, highClv)).orderBy(asc(segmentSnapshots.id));
    expect(latest).toMatchObject({ customers: 3, entered: 1, departed: 1, predictedClv: 670 });
    const changes = await queryRows<{ external_id: string; change: string }>(
      test.db,
      sql`select c.external_id, ch.change from segment_member_changes ch join customers c on c.org_id = ch.org_id and c.id = ch.customer_id
          where ch.snapshot_id = ${latest.id} order by 1`,
    );
    expect(changes).toEqual([{ external_id: 'c1', change: 'left' }, { external_id: 'c4', change: 'entered' }]);
  });

  it('refreshes a segment defined by another after that one, and refuses a circle', async () => {
    notHighClv = saved(await createRuleSegment(shop, userId, { ...details('Not high CLV'), rule: rule({ kind: 'segment', segmentId: highClv, operator: 'not_in' }) }));
    expect(await memberIds(shop, notHighClv)).toEqual(['c1', 'c5', 'c6']);

    await pin(shop, 'c5', { clv: 200 });
    await withTenant(shop, (tx) => refreshSegments(tx, shop.orgId, [highClv]));
    expect(await memberIds(shop, highClv)).toEqual(['c2', 'c3', 'c4', 'c5']);
    expect(await memberIds(shop, notHighClv)).toEqual(['c1', 'c6']);

    const circular = await updateSegment(shop, highClv, details('High CLV'), rule({ kind: 'segment', segmentId: notHighClv, operator: 'in' }));
    expect(circular).toEqual({ ok: false, field: 'rule', error: `Segments cannot refer to each other in a circle: this segment → “Not high CLV” → this segment.` });
    expect((await findSegment(shop, highClv))?.rule).toEqual(clvOver(100));
  });

  it('refuses a rule naming a segment the workspace does not have', async () => {
    const result = await createRuleSegment(shop, userId, { ...details('Ghost'), rule: rule({ kind: 'segment', segmentId: 999_999, operator: 'not_in' }) });
    expect(result).toEqual({ ok: false, field: 'rule', error: 'The rule refers to a segment that does not exist (any more). Choose another.' });
  });

  it('refuses a name already used and a deletion another segment depends on', async () => {
    expect(await createRuleSegment(shop, userId, { ...details('High CLV'), rule: clvOver(1) })).toEqual({
      ok: false, field: 'name', error: 'A segment with this name already exists.',
    });
    expect(await deleteSegment(shop, highClv)).toEqual({ ok: false, error: '“High CLV” is used by “Not high CLV”; change those first.' });
    expect(await memberIds(shop, highClv)).toHaveLength(4);
  });

  it('creates templates once: clicking again creates nothing twice', async () => {
    const first = await createRuleSegments(shop, userId, VALUE_TEMPLATES);
    expect(first.created).toEqual(VALUE_TEMPLATES.map((t) => t.name));
    const again = await createRuleSegments(shop, userId, VALUE_TEMPLATES);
    expect(again).toEqual({ created: [], skipped: VALUE_TEMPLATES.map((t) => t.name) });
    const overview = await segmentOverview(shop);
    const oneTime = overview.segments.find((s) => s.name === 'One-time buyers');
    // c2, c4 and c6 bought on one day only.
    expect(oneTime).toMatchObject({ customers: 3, customerShare: 0.5 });
  });

  it('saves a static list from external ids, skipping unknown ones, and keeps it through refreshes', async () => {
    const { ids, unknown } = await customerIdsByExternalId(shop, ['c1', 'nobody', 'c6', 'o1']);
    expect(unknown).toEqual(['nobody', 'o1']);
    const id = saved(await createStaticSegment(shop, userId, details('Hand picked'), ids));
    await pin(shop, 'c1', { clv: 1 });
    await withTenant(shop, (tx) => refreshSegments(tx, shop.orgId));
    expect(await memberIds(shop, id)).toEqual(['c1', 'c6']);
  });

  it('reports overlaps and warns about tiny segments', async () => {
    const overview = await segmentOverview(shop);
    const byName = new Map(overview.segments.map((s) => [s.name, s]));
    const high = byName.get('High CLV')!;
    const not = byName.get('Not high CLV')!;
    expect(overview.overlaps.find((o) => [o.a, o.b].includes(high.id) && [o.a, o.b].includes(not.id))).toBeUndefined();
    // Every segment here has fewer than 50 customers.
    const tiny = overview.warnings.filter((w) => w.kind === 'tiny').map((w) => w.segmentId);
    expect(tiny.sort((a, b) => a - b)).toEqual(overview.segments.map((s) => s.id).sort((a, b) => a - b));
    // Created; refreshed after the data change; refreshed as a dependency; refreshed with all after the static list.
    expect(high.trend.map((p) => p.customers)).toEqual([3, 3, 4, 4]);
  });

  it('exports members with consent only unless told otherwise, neutralising formulas, and records the export', async () => {
    const actor = { id: userId, email: 'segments@example.com', ip: '203.0.113.9' };
    const request = { columns: ['external_id', 'name', 'marketing_consent'] as const, includeWithoutConsent: false };
    const plan = await planSegmentExport(shop, highClv, { ...request, columns: [...request.columns] }, actor);
    // Members c2 (no consent), c3, c4, c5 (no consent).
    expect(plan).toEqual({ segmentName: 'High CLV', rows: 2, excludedWithoutConsent: 2 });
    const rows = [];
    for await (const row of segmentExportRows(shop, highClv, { ...request, columns: [...request.columns] })) rows.push(row);
    expect(rows).toEqual([['c3', 'Cem', true], ['c4', 'Dee', true]]);

    const everyone = { columns: ['external_id', 'name'] as ('external_id' | 'name')[], includeWithoutConsent: true };
    let csv = '';
    for await (const chunk of csvChunks(segmentExportRows(shop, highClv, everyone), { header: ['id', 'name'], bom: false })) csv += chunk;
    expect(csv).toContain(`c2,"'=HYPERLINK(""http://evil"")"\r\n`);

    const [event] = await test.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, shop.orgId), eq(auditEvents.action, 'export.created')));
    expect(event).toMatchObject({ actorId: userId, target: 'segment:High CLV', ip: '203.0.113.9' });
    expect(event.details).toMatchObject({ segmentId: highClv, rows: 2, excludedWithoutConsent: 2, includeWithoutConsent: false });
  });

  it('pages members for the API by cursor, consenting customers by default', async () => {
    const first = await segmentMembersForApi(shop, highClv, { limit: 1, cursor: 0, includeWithoutConsent: false });
    expect(first?.data.map((m) => m.customer_id)).toEqual(['c3']);
    expect(first?.segment).toMatchObject({ name: 'High CLV', customers: 4 });
    const second = await segmentMembersForApi(shop, highClv, { limit: 1, cursor: first!.next_cursor!, includeWithoutConsent: false });
    expect(second?.data.map((m) => m.customer_id)).toEqual(['c4']);
    const all = await segmentMembersForApi(shop, highClv, { limit: 10, cursor: 0, includeWithoutConsent: true });
    expect(all?.data.map((m) => m.customer_id)).toEqual(['c2', 'c3', 'c4', 'c5']);
    expect(all?.next_cursor).toBeNull();
  });

  it('never reaches a segment of another workspace', async () => {
    const before = await memberIds(shop, highClv);
    expect(await findSegment(other, highClv)).toBeNull();
    expect(await updateSegment(other, highClv, details('Stolen'), clvOver(0))).toBeNull();
    expect(await deleteSegment(other, highClv)).toBeNull();
    expect(await planSegmentExport(other, highClv, { columns: ['email'], includeWithoutConsent: true }, { id: userId, email: 'x@example.com', ip: null })).toBeNull();
    const leaked = [];
    for await (const row of segmentExportRows(other, highClv, { columns: ['email'], includeWithoutConsent: true })) leaked.push(row);
    expect(leaked).toEqual([]);
    expect(await segmentMembersForApi(other, highClv, { limit: 10, cursor: 0, includeWithoutConsent: true })).toBeNull();
    await withTenant(other, (tx) => refreshSegments(tx, other.orgId));
    // A rule in the other workspace cannot even name this segment.
    const probe = await createRuleSegment(other, userId, { ...details('Probe'), rule: rule({ kind: 'segment', segmentId: highClv, operator: 'in' }) });
    expect(probe).toMatchObject({ ok: false, field: 'rule' });
    expect(await memberIds(shop, highClv)).toEqual(before);
    expect((await findSegment(shop, highClv))?.name).toBe('High CLV');
  });

  it('deletes a segment with its members and history once nothing depends on it', async () => {
    expect(await deleteSegment(shop, notHighClv)).toEqual({ ok: true, name: 'Not high CLV' });
    expect(await deleteSegment(shop, highClv)).toEqual({ ok: true, name: 'High CLV' });
    expect(await memberIds(shop, highClv)).toEqual([]);
    expect(await test.db.select().from(segmentSnapshots).where(eq(segmentSnapshots.segmentId, highClv))).toEqual([]);
  });
});
