import type { Role } from '@/lib/auth/roles';
import { VALUE_COMPONENTS } from '@/lib/valuation/value-score';
import { formData } from './call-outcome';
import { plannerInputsFor, UPLOAD_MAPPING, type IsolationWorld } from './isolation-fixture';

/**
 * What B's members get when the gate lets them in (their own slug, a role high enough, or a userAction):
 * - `refused`: the action must answer this error, because the form names an object of A's.
 * - `attackerOnly`: the form cannot name anything of A's (the action takes no id), so the action may act on B;
 *   the suite still requires A's fingerprint unchanged and no redirect into A.
 */
export type AttackerExpectation = { refused: RegExp } | { attackerOnly: string };

export type Attempt = {
  label: string;
  /** The hostile form: A's ids plus the other fields the action needs, so that without the tenant check it would act. */
  form: (world: IsolationWorld) => FormData;
  asAttacker: AttackerExpectation;
  /**
   * The A object the form names. Each such attempt gets a control: A's own admin sending the same form (to A's
   * slug) must change A's fingerprint, which proves the refusal above is the tenant check and not a bad form.
   */
  targets?: string;
};

export type ActionCase = { gate: 'member'; role: Role; attempts: Attempt[] } | { gate: 'user'; attempts: Attempt[] };

/** Actions of people who are not members of any workspace yet: nothing tenant-scoped to aim at. */
export const PUBLIC_ACTIONS: Record<string, string> = {
  signInAction: 'runs before sign-in; only checks credentials (throttled, tested in lib/auth/sign-in-action.test.ts)',
  signOutAction: 'ends the caller’s own session; takes no input',
  signUpAction: 'creates the caller’s own account and workspace',
  signUpWithInvitationAction: 'needs the secret invitation token; the invitation fixes the email and workspace',
};

const rule = (child: object) => JSON.stringify({ version: 1, root: { kind: 'group', combinator: 'and', children: [child] } });
const weights = Object.fromEntries(VALUE_COMPONENTS.map(({ id }) => [id, 10]));

/** One entry per exported server action (see PUBLIC_ACTIONS for the exceptions). */
export const ACTION_CASES: Record<string, ActionCase> = {
  // app/w/[slug]/customers/[customerId]/actions.ts
  deleteCustomerAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'deletes A’s customer by id', targets: 'customer', asAttacker: { refused: /^Customer not found\.$/ },
      form: ({ victim }) => formData({ customerId: victim.customerIds['victim-1'], confirm: 'delete' }) }],
  },
  // app/w/[slug]/imports/actions.ts
  startImportAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'imports A’s stored upload by its id', targets: 'stored upload', asAttacker: { refused: /^The upload was not found/ },
      form: ({ victim }) => formData({
        uploadId: victim.uploadId, fileName: 'customers.csv', entity: 'customers', mapping: JSON.stringify(UPLOAD_MAPPING), dateOrder: 'ymd', decimalSeparator: '.',
      }) }],
  },
  // app/w/[slug]/model/actions.ts
  recomputeAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'queues a recompute', asAttacker: { attackerOnly: 'takes no input: recomputes the workspace of the slug' }, form: () => formData({}) }],
  },
  // app/w/[slug]/segments/actions.ts
  saveSegmentAction: {
    gate: 'member', role: 'marketer',
    attempts: [
      { label: 'renames and re-rules A’s segment by id', targets: 'rule segment', asAttacker: { refused: /^That segment no longer exists\.$/ },
        form: ({ victim }) => formData({ id: victim.ruleSegmentId, name: 'Hijacked', rule: rule({ kind: 'orders', minOrders: 2 }) }) },
      { label: 'saves a rule built on A’s segment', targets: 'segment (as a rule reference)', asAttacker: { refused: /refers to a segment that does not exist/ },
        form: ({ victim }) => formData({ name: 'Copy of A', rule: rule({ kind: 'segment', segmentId: victim.staticSegmentId, operator: 'in' }) }) },
    ],
  },
  deleteSegmentAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'deletes A’s segment by id', targets: 'rule segment', asAttacker: { refused: /^That segment no longer exists\.$/ },
      form: ({ victim }) => formData({ id: victim.ruleSegmentId }) }],
  },
  createTemplateSegmentsAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'creates template segments', asAttacker: { attackerOnly: 'takes only a template set name' }, form: () => formData({ set: 'value' }) }],
  },
  refreshSegmentsAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'refreshes every segment', asAttacker: { attackerOnly: 'takes no input' }, form: () => formData({}) }],
  },
  saveSuggestedSegmentAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'saves a k-means suggestion', asAttacker: { attackerOnly: 'takes a cluster index into the caller’s own suggestions' },
      form: () => formData({ name: 'Suggested', cluster: 0, k: 3, as: 'static' }) }],
  },
  createStaticSegmentAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'freezes A’s customers into a segment by their ids', targets: 'customers (by external id)',
      asAttacker: { refused: /^None of these ids is a customer of this workspace\.$/ },
      form: ({ victim }) => formData({ name: 'Stolen list', externalIds: victim.externalIds.join('\n') }) }],
  },
  // app/w/[slug]/settings/actions.ts
  saveValueSettingsAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'changes the value-engine settings', asAttacker: { attackerOnly: 'settings of the workspace of the slug; no id' },
      form: () => formData({ defaultMarginPct: 12, rfmBins: 4, clvHorizonMonths: 6, monthlyDiscountRatePct: 2, clvBasis: 'margin' }) }],
  },
  deleteAllDataAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'deletes all data, confirmed with A’s slug', targets: 'all data (by slug)', asAttacker: { refused: /^Type attacker-shop to confirm\.$/ },
      form: ({ victim }) => formData({ confirmation: victim.workspace.slug }) }],
  },
  // app/w/[slug]/settings/rfm-scheme/actions.ts
  saveRfmSchemeAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'replaces the RFM segments', asAttacker: { attackerOnly: 'the scheme of the workspace of the slug; no id' },
      form: () => formData({ scheme: JSON.stringify([{ name: 'Everyone', recency: [1, 5], frequency: [1, 5] }]) }) }],
  },
  // app/w/[slug]/settings/api-keys/actions.ts
  createApiKeyAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'creates an API key', asAttacker: { attackerOnly: 'a key of the workspace of the slug; no id' }, form: () => formData({ name: 'Exfiltrator' }) }],
  },
  revokeApiKeyAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'revokes A’s API key by id', targets: 'API key', asAttacker: { refused: /^That key is already revoked or does not exist\.$/ },
      form: ({ victim }) => formData({ keyId: victim.apiKey.id }) }],
  },
  // app/w/[slug]/team/actions.ts
  inviteMemberAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'invites A’s admin', asAttacker: { attackerOnly: 'the invitation is to the workspace of the slug' },
      form: ({ victim }) => formData({ email: victim.admin.email, role: 'admin' }) }],
  },
  resendInvitationAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'renews A’s invitation by id (a fresh token would be mailed to the caller’s outbox)', targets: 'invitation',
      asAttacker: { refused: /^That invitation is no longer pending\.$/ }, form: ({ victim }) => formData({ invitationId: victim.invitation.id }) }],
  },
  revokeInvitationAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'revokes A’s invitation by id', targets: 'invitation', asAttacker: { refused: /^That invitation is no longer pending\.$/ },
      form: ({ victim }) => formData({ invitationId: victim.invitation.id }) }],
  },
  changeRoleAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'makes A’s marketer an admin', targets: 'membership', asAttacker: { refused: /^That person is not a member of this workspace\.$/ },
      form: ({ victim }) => formData({ userId: victim.marketer.id, role: 'admin' }) }],
  },
  removeMemberAction: {
    gate: 'member', role: 'admin',
    attempts: [{ label: 'removes A’s viewer', targets: 'membership', asAttacker: { refused: /^That person is not a member of this workspace\.$/ },
      form: ({ victim }) => formData({ userId: victim.viewer.id }) }],
  },
  // app/w/[slug]/valuation/actions.ts
  saveWeightsAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'saves value-score weights', asAttacker: { attackerOnly: 'weights of the workspace of the slug; no id' },
      form: () => formData({ preset: 'custom', ...weights }) }],
  },
  saveMarketInputsAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'sets market inputs of A’s segment', targets: 'saved segment (market inputs)', asAttacker: { refused: /^Segment not found\.$/ },
      form: ({ victim }) => formData({
        segmentKey: `segment:${victim.ruleSegmentId}`, addressableMarketSize: 1, expectedMarketGrowthPct: -50, competitiveIntensity: 'low', strategicWeight: 0,
      }) }],
  },
  resetMarketInputsAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'resets the market inputs of A’s segment', targets: 'market inputs', asAttacker: { refused: /^Segment not found\.$/ },
      form: ({ victim }) => formData({ segmentKey: `segment:${victim.ruleSegmentId}` }) }],
  },
  // app/w/[slug]/allocation/actions.ts
  savePlanAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'saves a plan spending on A’s segment', targets: 'saved segment (in a plan)',
      asAttacker: { refused: /^A segment of this plan no longer exists\. Reload the planner\.$/ },
      form: ({ victim }) => formData({ name: 'Plan on A', inputs: JSON.stringify(plannerInputsFor(victim.ruleSegmentId)) }) }],
  },
  deletePlanAction: {
    gate: 'member', role: 'marketer',
    attempts: [{ label: 'deletes A’s saved plan by id', targets: 'allocation plan', asAttacker: { refused: /^Plan not found\.$/ },
      form: ({ victim }) => formData({ id: victim.planId }) }],
  },
  // app/account/actions.ts
  changePasswordAction: {
    gate: 'user',
    attempts: [{ label: 'changes a password with A’s admin’s id, email and current password in the form', targets: 'A’s admin’s password',
      asAttacker: { refused: /^That is not your current password\.$/ },
      form: ({ victim }) => formData({
        userId: victim.admin.id, email: victim.admin.email, currentPassword: victim.password, newPassword: 'taken-over-account-42', confirmPassword: 'taken-over-account-42',
      }) }],
  },
  // app/invite/[token]/actions.ts
  acceptInvitationAction: {
    gate: 'user',
    attempts: [{ label: 'accepts A’s invitation with its (leaked) token', asAttacker: { refused: /^This invitation is for invitee@victim\.test\./ },
      form: ({ victim }) => formData({ token: victim.invitation.token }) }],
  },
  // app/workspaces/new/actions.ts
  createWorkspaceAction: {
    gate: 'user',
    attempts: [{ label: 'creates a workspace named like A', asAttacker: { attackerOnly: 'creates a new workspace under a free slug' },
      form: ({ victim }) => formData({ name: victim.workspace.name, currency: 'USD' }) }],
  },
};
