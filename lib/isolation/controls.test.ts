import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_CASES } from './action-cases';
import { actionInventory, routeInventory } from './app-inventory';
import { describeOutcome, outcomeOf, refusalOf, statusOf } from './call-outcome';
import { seedIsolationWorkspace } from './isolation-fixture';
import { setUpIsolationWorld, type IsolationSetup } from './isolation-world';
import { API_ROUTE_CASES, WORKSPACE_ROUTE_CASES } from './route-cases';
import { callRoute } from './route-requests';
import { tenantFingerprint } from './tenant-fingerprint';

// next-auth's entry needs Next's module resolution; its error classes are @auth/core's, re-exported.
vi.mock('next-auth', () => import('@auth/core/errors'));
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => session.current, signIn: vi.fn(async () => undefined) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

/*
 * The isolation suite passes only if hostile calls change nothing. These controls prove its cases could fail: the
 * same form or request, sent by A's own admin to A's slug, does reach A's object.
 */

const actions = new Map((await actionInventory()).entries.map((entry) => [entry.name, entry.fn]));
const workspaceRoutes = (await routeInventory('app/w')).entries;
const apiRoutes = (await routeInventory('app/api/v1')).entries;

let setup: IsolationSetup;

beforeAll(async () => {
  setup = await setUpIsolationWorld();
});
afterAll(() => setup?.teardown());
beforeEach(() => {
  session.current = null;
});

const actionControls = Object.entries(ACTION_CASES).flatMap(([name, actionCase]) =>
  actions.has(name)
    ? actionCase.attempts.filter((attempt) => attempt.targets).map((attempt) => [`${name}: ${attempt.label}`, name, actionCase.gate, attempt] as const)
    : [],
);

describe('isolation controls: A’s admin sending the hostile form to A’s slug changes A', () => {
  let controlNumber = 0;
  it.each(actionControls)('%s', async (_label, name, gate, attempt) => {
    // A fresh workspace per control, so that one control's deletion cannot starve the next.
    const victim = await seedIsolationWorkspace(setup.test.db, `Control ${++controlNumber}`, 'victim');
    const fingerprint = () => tenantFingerprint(setup.test.db, victim.tenant.orgId, setup.uploadDir);
    const before = await fingerprint();
    session.current = { user: { id: victim.admin.id } };
    const form = attempt.form({ victim, attacker: setup.world.attacker });
    const action = actions.get(name)!;
    const outcome = await outcomeOf(() => (gate === 'member' ? action(victim.workspace.slug, {}, form) : action({}, form)));
    expect(refusalOf(outcome), describeOutcome(outcome)).toBeNull();
    expect(await fingerprint(), `${name} did not change A: the isolation case proves nothing`).not.toEqual(before);
  });
});

const routeControls = workspaceRoutes.flatMap((entry) => {
  const routeCase = WORKSPACE_ROUTE_CASES[entry.file]?.[entry.name];
  return routeCase?.targets ? [[`${entry.file} ${entry.name}: ${routeCase.targets}`, entry, routeCase] as const] : [];
});

describe('isolation controls: A’s admin making the hostile request on A’s slug is served', () => {
  it.each(routeControls)('%s', async (_label, entry, routeCase) => {
    const { victim } = setup.world;
    session.current = { user: { id: victim.admin.id } };
    const outcome = await callRoute(entry.fn, entry.file, entry.name, routeCase.request(setup.world), { slug: victim.workspace.slug });
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    expect(setup.leakedSecrets(JSON.stringify(outcome)).length, 'A’s own answer should hold A’s data').toBeGreaterThan(0);
  });

  it.each(apiRoutes.flatMap((entry) => (API_ROUTE_CASES[entry.file]?.[entry.name] ? [[`${entry.file} ${entry.name}`, entry] as const] : [])))(
    '%s with A’s own key returns A’s data',
    async (_label, entry) => {
      const { victim } = setup.world;
      const request = API_ROUTE_CASES[entry.file][entry.name].request(setup.world);
      const outcome = await callRoute(entry.fn, entry.file, entry.name, request, { authorization: `Bearer ${victim.apiKey.key}` });
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
      expect(setup.leakedSecrets(JSON.stringify(outcome)).length, 'A’s own answer should hold A’s customers').toBeGreaterThan(0);
    },
  );
});
