import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type SignedInUser } from '@/lib/auth/users';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import { saveWorkspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { DEFAULT_SEGMENT_SCHEME } from '@/lib/models/rfm';
import { CUSTOM_SCHEME, ordersAcrossTheGrid } from '@/lib/testing/rfm-schemes';
import { workspaceWithOrders } from '@/lib/testing/workspace-fixture';
import { saveMarketInputs } from '@/lib/valuation-report/market-inputs-store';
import { segmentValuations } from '@/lib/valuation-report/valuation-report';
import { refreshSegments } from './refresh-membership';
import type { SegmentRule } from './rule-schema';
import { segmentOverview } from './segment-list';
import { createRuleSegment, createRuleSegments } from './segment-store';
import { rfmTemplates } from './templates';

let test: TestDatabase;
let shop: Tenant;
let admin: SignedInUser;

const inSegments = (...names: string[]) =>
  ({ version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'condition', field: 'rfm_segment', operator: 'in', value: names }] } }) as SegmentRule;
const details = (name: string) => ({ name, description: '', color: 'indigo' as const });
const marketInputs = (segmentKey: string) => ({ segmentKey, addressableMarketSize: null, expectedMarketGrowthPct: 2, competitiveIntensity: 'low' as const, strategicWeight: 1 });

async function useScheme(scheme: Parameters<typeof saveWorkspaceSegmentScheme>[2]) {
  await saveWorkspaceSegmentScheme(shop, admin, scheme);
  await recomputeCustomerValue(shop);
  await withTenant(shop, (tx) => refreshSegments(tx, shop.orgId));
}

beforeAll(async () => {
  test = await createTestDatabase();
  shop = await workspaceWithOrders(test.db, 'Scheme Segments Shop', ordersAcrossTheGrid());
  admin = await createUser(test.db, { email: 'segments.admin@example.com', name: 'Segments Admin', password: 'a-long-password' });
  await useScheme(CUSTOM_SCHEME);
}, 120_000);
afterAll(() => test?.drop());

describe(`segments on a workspace's own RFM scheme (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  it('creates one template segment per segment of the scheme, each with its customers', async () => {
    const { created } = await createRuleSegments(shop, admin.id, rfmTemplates(CUSTOM_SCHEME));
    expect(created).toEqual(CUSTOM_SCHEME.map((segment) => `RFM: ${segment.name}`));
    const overview = await segmentOverview(shop);
    const dormant = overview.segments.find((segment) => segment.name === 'RFM: Dormant')!;
    expect(dormant.customers).toBeGreaterThan(0);
    expect(overview.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(240);
    expect(overview.warnings.filter((warning) => warning.kind === 'unknown_rfm_segment')).toEqual([]);
  });

  it('accepts rules on the scheme’s names and refuses names it does not have, on their condition', async () => {
    expect(await createRuleSegment(shop, admin.id, { ...details('Sleepy'), rule: inSegments('Dormant', 'At Risk') })).toMatchObject({ ok: true });
    expect(await createRuleSegment(shop, admin.id, { ...details('Old names'), rule: inSegments('Dormant', 'Hibernating') })).toEqual({
      ok: false,
      error: 'The rule names RFM segments this workspace does not have.',
      field: 'rule',
      fieldErrors: ['root.children.0.value: “Hibernating” is not an RFM segment of this workspace'],
    });
  });

  it('values the scheme’s segments and takes market inputs for them only', async () => {
    const report = await segmentValuations(shop, 'USD', { rfm: true, savedSegmentIds: [] });
    const names = report.segments.map((segment) => segment.name);
    expect(names).toContain('Dormant');
    expect(names).not.toContain('Hibernating');
    expect(names.every((name) => CUSTOM_SCHEME.some((segment) => segment.name === name))).toBe(true);
    expect(await saveMarketInputs(shop, admin.id, marketInputs('rfm:Dormant'))).toEqual({ ok: true });
    expect(await saveMarketInputs(shop, admin.id, marketInputs('rfm:Hibernating'))).toEqual({ ok: false, error: 'Unknown segment.', field: 'segmentKey' });
  });

  it('warns about saved rules naming segments the new scheme dropped', async () => {
    await useScheme(DEFAULT_SEGMENT_SCHEME);
    const overview = await segmentOverview(shop);
    const flagged = overview.warnings
      .filter((warning) => warning.kind === 'unknown_rfm_segment')
      .map((warning) => overview.segments.find((segment) => segment.id === warning.segmentId)!.name)
      .sort();
    expect(flagged).toEqual(['RFM: Big Champions', 'RFM: Dormant', 'Sleepy']);
    expect(overview.segments.find((segment) => segment.name === 'RFM: Dormant')!.customers).toBe(0);
  });
});
