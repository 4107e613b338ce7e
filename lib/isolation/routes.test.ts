import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatApiKey } from '@/lib/api-keys/api-keys';
import { routeInventory, type InventoryEntry, type RouteHandler } from './app-inventory';
import { describeOutcome, statusOf, type Outcome } from './call-outcome';
import type { IsolationWorld } from './isolation-fixture';
import { atLeast, CALLERS, setUpIsolationWorld, slugOf, SLUGS, type Caller, type IsolationSetup, type SlugChoice } from './isolation-world';
import { API_ROUTE_CASES, WORKSPACE_ROUTE_CASES, type RouteExpectation, type WorkspaceRouteCase } from './route-cases';
import { callRoute } from './route-requests';

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const CASES_FILE = 'lib/isolation/route-cases.ts';
const workspaceRoutes = await routeInventory('app/w');
const apiRoutes = await routeInventory('app/api/v1');

let setup: IsolationSetup;

beforeAll(async () => {
  setup = await setUpIsolationWorld();
});
afterAll(() => setup?.teardown());
beforeEach(() => {
  session.current = null;
});

const key = (entry: InventoryEntry<RouteHandler>) => `${entry.file} ${entry.name}`;

describe.each([
  ['app/w', workspaceRoutes, WORKSPACE_ROUTE_CASES, 'WORKSPACE_ROUTE_CASES'],
  ['app/api/v1', apiRoutes, API_ROUTE_CASES, 'API_ROUTE_CASES'],
] as const)('isolation inventory: %s route handlers', (_dir, inventory, cases, table) => {
  it('finds route handlers', () => {
    expect(inventory.entries.length).toBeGreaterThan(0);
  });

  it.each(inventory.importFailures.map((failure) => [failure.file, failure.error]))('%s imports (else its handlers go unchecked)', (file, error) => {
    expect.fail(`${file} failed to import, so its handlers are not checked: ${error}`);
  });

  it.each(inventory.entries.map((entry) => [key(entry), entry]))('%s has an isolation case', (_label, entry) => {
    expect(cases[entry.file]?.[entry.name], `add an isolation case for ${entry.name} of ${entry.file} in ${CASES_FILE} (${table})`).toBeDefined();
  });

  it('has no case for a handler that no longer exists', () => {
    const present = new Set(inventory.entries.map(key));
    const stale = Object.entries(cases).flatMap(([file, methods]) => Object.keys(methods).map((method) => `${file} ${method}`)).filter((name) => !present.has(name));
    expect(stale, `remove these from ${CASES_FILE} (${table}), or fix their file path or method`).toEqual([]);
  });
});

function expectAnswer(outcome: Outcome, expected: RouteExpectation) {
  expect(statusOf(outcome), describeOutcome(outcome)).toBe(expected.status);
  if (expected.check) expected.check(outcome.kind === 'response' ? outcome.body : '', setup.world);
}

type WorkspaceRow = { label: string; file: string; method: string; handler: RouteHandler; routeCase: WorkspaceRouteCase; caller: Caller; slug: SlugChoice };

const workspaceRows: WorkspaceRow[] = workspaceRoutes.entries.flatMap((entry) => {
  const routeCase = WORKSPACE_ROUTE_CASES[entry.file]?.[entry.name];
  if (!routeCase) return [];
  return CALLERS.flatMap((caller) =>
    SLUGS.map((slug) => ({ label: `${key(entry)} — ${caller.label} on ${slug}`, file: entry.file, method: entry.name, handler: entry.fn, routeCase, caller, slug })),
  );
});

describe('isolation: every workspace route refuses B’s members and the signed-out on A’s objects', () => {
  it.each(workspaceRows.map((row) => [row.label, row]))('%s', async (_label, row) => {
    const user = row.caller.user(setup.world);
    session.current = user ? { user: { id: user.id } } : null;
    const outcome = await callRoute(row.handler, row.file, row.method, row.routeCase.request(setup.world), { slug: slugOf(setup.world, row.slug) });
    await setup.expectVictimUnchanged();

    if (!row.caller.role) expect(outcome, describeOutcome(outcome)).toEqual({ kind: 'redirect', location: '/login' });
    else if (row.slug === 'A’s slug') expect(outcome, describeOutcome(outcome)).toEqual({ kind: 'http-error', status: 404 });
    else if (!atLeast(row.caller.role, row.routeCase.role)) expect(statusOf(outcome), describeOutcome(outcome)).toBe(403);
    else expectAnswer(outcome, row.routeCase.asAttacker);
    setup.expectNothingOfVictim(outcome);
  });
});

/** Whoever presents what as the API key, and what they must get (`null`: the case's answer for B's valid key). */
const API_CALLERS: { label: string; authorization: (world: IsolationWorld) => string | null; status: number | null }[] = [
  { label: 'no key', authorization: () => null, status: 401 },
  { label: 'a malformed key', authorization: () => 'Bearer sgk_not-a-key', status: 401 },
  { label: 'A’s revoked key', authorization: ({ victim }) => `Bearer ${victim.revokedApiKey.key}`, status: 401 },
  { label: 'B’s revoked key', authorization: ({ attacker }) => `Bearer ${attacker.revokedApiKey.key}`, status: 401 },
  {
    label: 'B’s secret under A’s workspace id',
    authorization: ({ victim, attacker }) => `Bearer ${formatApiKey(victim.tenant.orgId, attacker.apiKey.key.slice('sgk_'.length + 33))}`,
    status: 401,
  },
  { label: 'B’s active key', authorization: ({ attacker }) => `Bearer ${attacker.apiKey.key}`, status: null },
];

const apiRows = apiRoutes.entries.flatMap((entry) => {
  const apiCase = API_ROUTE_CASES[entry.file]?.[entry.name];
  if (!apiCase) return [];
  return API_CALLERS.map((caller) => ({ label: `${key(entry)} — ${caller.label}`, entry, apiCase, caller }));
});

describe('isolation: every public API route refuses keys that are not A’s', () => {
  it.each(apiRows.map((row) => [row.label, row]))('%s', async (_label, { entry, apiCase, caller }) => {
    const authorization = caller.authorization(setup.world);
    const outcome = await callRoute(entry.fn, entry.file, entry.name, apiCase.request(setup.world), { authorization });
    await setup.expectVictimUnchanged();
    if (caller.status === null) expectAnswer(outcome, apiCase.asAttacker);
    else expect(statusOf(outcome), describeOutcome(outcome)).toBe(caller.status);
    setup.expectNothingOfVictim(outcome);
  });

  it('serves B’s own segment to B’s key (so the refusals above are about the workspace, not a broken key)', async () => {
    const entry = apiRoutes.entries.find((e) => e.file === 'app/api/v1/segments/[segmentId]/members/route.ts' && e.name === 'GET');
    if (!entry) return expect.fail('the members endpoint moved: point this check at its new file');
    const request = { params: { segmentId: String(setup.world.attacker.ruleSegmentId) } };
    const outcome = await callRoute(entry.fn, entry.file, entry.name, request, { authorization: `Bearer ${setup.world.attacker.apiKey.key}` });
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
  });
});
