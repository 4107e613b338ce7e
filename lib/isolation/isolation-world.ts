import { expect } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import type { SignedInUser } from '@/lib/auth/users';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import type { Outcome } from './call-outcome';
import { seedIsolationWorld, useIsolatedEnvironment, type IsolationWorld } from './isolation-fixture';
import { tenantFingerprint } from './tenant-fingerprint';

/** Who makes a hostile call: nobody, or a member of B with each role. */
export type Caller = { label: string; role: Role | null; user: (world: IsolationWorld) => SignedInUser | null };

export const CALLERS: Caller[] = [
  { label: 'signed out', role: null, user: () => null },
  { label: 'B’s admin', role: 'admin', user: ({ attacker }) => attacker.admin },
  { label: 'B’s marketer', role: 'marketer', user: ({ attacker }) => attacker.marketer },
  { label: 'B’s viewer', role: 'viewer', user: ({ attacker }) => attacker.viewer },
];

/** The slug a call names: A's (the gate must refuse B's members) or B's own (the action must refuse A's ids). */
export type SlugChoice = 'A’s slug' | 'B’s slug';
export const SLUGS: SlugChoice[] = ['A’s slug', 'B’s slug'];
export const slugOf = (world: IsolationWorld, choice: SlugChoice) => (choice === 'A’s slug' ? world.victim : world.attacker).workspace.slug;

const rank: Record<Role, number> = { viewer: 0, marketer: 1, admin: 2 };
export const atLeast = (role: Role, required: Role) => rank[role] >= rank[required];

export const ROLE_REFUSAL = /^This needs the (Viewer|Marketer|Admin) role; you are (Viewer|Marketer|Admin)\.$/;
export const SIGNED_OUT = { error: 'Your session has ended. Sign in again.' };
export const NOT_A_MEMBER = { error: 'Workspace not found.' };

export type IsolationSetup = {
  test: TestDatabase;
  world: IsolationWorld;
  uploadDir: string;
  /** A's fingerprint now. */
  victimFingerprint: () => Promise<Record<string, string>>;
  /** Found in an answer to B, any of these would be a leak of A's data. */
  leakedSecrets: (text: string) => string[];
  /** Fails unless A's fingerprint equals the one after the previous check, then moves on: one leak fails one test, not every later one. */
  expectVictimUnchanged: () => Promise<void>;
  /** Fails if an answer to B holds A's data or redirects into A's workspace. */
  expectNothingOfVictim: (outcome: Outcome) => void;
  teardown: () => Promise<void>;
};

/** A fresh database holding workspaces A and B, with uploads and invitation links kept inside the test. */
export async function setUpIsolationWorld(): Promise<IsolationSetup> {
  const environment = useIsolatedEnvironment();
  const test = await createTestDatabase();
  const world = await seedIsolationWorld(test.db);
  const victimFingerprint = () => tenantFingerprint(test.db, world.victim.tenant.orgId, environment.uploadDir);
  const leakedSecrets = (text: string) => world.victim.secrets.filter((secret) => text.includes(secret));
  let baseline = await victimFingerprint();
  return {
    test,
    world,
    uploadDir: environment.uploadDir,
    victimFingerprint,
    leakedSecrets,
    expectVictimUnchanged: async () => {
      const [before, after] = [baseline, await victimFingerprint()];
      baseline = after;
      // Soft: the test goes on to check the answer too, and reports both.
      expect.soft(after, 'A’s data changed').toEqual(before);
    },
    expectNothingOfVictim: (outcome) => {
      if (outcome.kind === 'redirect') expect(outcome.location, 'redirected into A’s workspace').not.toMatch(new RegExp(`^/w/${world.victim.workspace.slug}(/|$)`));
      expect(leakedSecrets(JSON.stringify(outcome)), 'A’s data in the answer').toEqual([]);
    },
    teardown: async () => {
      await test.drop();
      environment.cleanup();
    },
  };
}
