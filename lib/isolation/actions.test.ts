import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_CASES, PUBLIC_ACTIONS, type ActionCase, type Attempt } from './action-cases';
import { actionInventory } from './app-inventory';
import { describeOutcome, outcomeOf, refusalOf, type Outcome } from './call-outcome';
import { atLeast, CALLERS, NOT_A_MEMBER, ROLE_REFUSAL, setUpIsolationWorld, SIGNED_OUT, slugOf, SLUGS, type Caller, type IsolationSetup, type SlugChoice } from './isolation-world';

// next-auth's entry needs Next's module resolution; its error classes are @auth/core's, re-exported.
vi.mock('next-auth', () => import('@auth/core/errors'));
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock('@/lib/auth/config', () => ({
  auth: async () => session.current,
  signIn: vi.fn(async () => { throw new Error('signIn is out of scope here'); }),
  signOut: vi.fn(async () => { throw new Error('signOut is out of scope here'); }),
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const CASES_FILE = 'lib/isolation/action-cases.ts';
const inventory = await actionInventory();
const exported = new Map(inventory.entries.map((entry) => [entry.name, entry]));

let setup: IsolationSetup;

beforeAll(async () => {
  setup = await setUpIsolationWorld();
});
afterAll(() => setup?.teardown());
beforeEach(() => {
  session.current = null;
});

describe('isolation inventory: server actions', () => {
  it('finds the server actions', () => {
    expect(inventory.entries.length).toBeGreaterThanOrEqual(20);
  });

  it.each(inventory.importFailures.map((failure) => [failure.file, failure.error]))('%s imports (else its actions go unchecked)', (file, error) => {
    expect.fail(`${file} failed to import, so its actions are not checked: ${error}`);
  });

  it.each(inventory.entries.map((entry) => [`${entry.file} ${entry.name}`, entry.name]))('%s has an isolation case', (_label, name) => {
    const covered = name in ACTION_CASES || name in PUBLIC_ACTIONS;
    expect(covered, `add an isolation case for ${name} in ${CASES_FILE} (ACTION_CASES), or list it in PUBLIC_ACTIONS with a reason`).toBe(true);
  });

  it('has no case for an action that no longer exists', () => {
    const stale = [...Object.keys(ACTION_CASES), ...Object.keys(PUBLIC_ACTIONS)].filter((name) => !exported.has(name));
    expect(stale, `remove these from ${CASES_FILE}: no app/**/actions.ts exports them any more (or their module failed to import: see above)`).toEqual([]);
  });

  it.each(Object.entries(ACTION_CASES).filter(([name]) => exported.has(name)))('%s: its case names the right gate', (name, actionCase) => {
    // memberAction's function takes (slug, previousState, formData); userAction's (previousState, formData).
    expect(exported.get(name)!.fn.length, `${name} is not a ${actionCase.gate}Action: fix its case`).toBe(actionCase.gate === 'member' ? 3 : 2);
  });
});

type Row = { label: string; name: string; actionCase: ActionCase; attempt: Attempt; caller: Caller; slug: SlugChoice | null };

const rows: Row[] = Object.entries(ACTION_CASES)
  .filter(([name]) => exported.has(name))
  .flatMap(([name, actionCase]) =>
    actionCase.attempts.flatMap((attempt) =>
      CALLERS.flatMap((caller) =>
        (actionCase.gate === 'member' ? SLUGS : [null]).map((slug) => ({
          label: `${name}: ${attempt.label} — ${caller.label}${slug ? ` on ${slug}` : ''}`,
          name, actionCase, attempt, caller, slug,
        })),
      ),
    ),
  );

function call(row: Row): Promise<Outcome> {
  const user = row.caller.user(setup.world);
  session.current = user ? { user: { id: user.id } } : null;
  const action = exported.get(row.name)!.fn;
  const form = row.attempt.form(setup.world);
  return outcomeOf(() => (row.slug ? action(slugOf(setup.world, row.slug), {}, form) : action({}, form)));
}

/** What this caller must get: the gate's refusal, or the case's answer once the gate lets them through. */
function expectAnswer(row: Row, outcome: Outcome) {
  const shown = describeOutcome(outcome);
  if (!row.caller.role) return expect(outcome, shown).toEqual({ kind: 'state', state: SIGNED_OUT });
  if (row.slug === 'A’s slug') return expect(outcome, shown).toEqual({ kind: 'state', state: NOT_A_MEMBER });
  if (row.actionCase.gate === 'member' && !atLeast(row.caller.role, row.actionCase.role)) {
    return expect(refusalOf(outcome), shown).toMatch(ROLE_REFUSAL);
  }
  const expected = row.attempt.asAttacker;
  if ('refused' in expected) expect(refusalOf(outcome), shown).toMatch(expected.refused);
}

describe('isolation: every server action refuses B’s members and the signed-out on A’s objects', () => {
  it.each(rows.map((row) => [row.label, row]))('%s', async (_label, row) => {
    const outcome = await call(row);
    await setup.expectVictimUnchanged();
    expectAnswer(row, outcome);
    setup.expectNothingOfVictim(outcome);
  });
});
