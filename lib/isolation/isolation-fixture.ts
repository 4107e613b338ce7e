import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { recordAuditEvent } from '@/lib/audit/events';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/lib/db/client';
import { customers, importRejects, segmentMarketInputs, users, valuationSettings } from '@/lib/db/schema';
import { queryRows } from '@/lib/db/rows';
import type { Tenant } from '@/lib/db/tenant';
import { seedWorkspaceData, type SeededWorkspace } from '@/lib/deletion/deletion-fixture';
import { storeUpload } from '@/lib/import/uploads';
import { recomputeCustomerValue } from '@/lib/metrics/recompute';
import type { SegmentRule } from '@/lib/segments/rule-schema';
import { createRuleSegment } from '@/lib/segments/segment-store';
import { computeAllocationPlan, savePlan } from '@/lib/valuation-report/allocation-plans';
import type { PlannerInputs } from '@/lib/valuation/allocation-scenario';
import { createInvitation } from '@/lib/team/invitations';
import { sendMail } from '@/lib/team/mailer';

/** Everything of one workspace a hostile request could aim at, by id, plus what must never appear in another's answers. */
export type IsolationWorkspace = SeededWorkspace & {
  /** Every member's password: each workspace's differ, so one's members cannot pass for another's. */
  password: string;
  externalIds: string[];
  /** The fixture's static segment ("Everyone") and a rule-based one, both with members and snapshots. */
  staticSegmentId: number;
  ruleSegmentId: number;
  importId: number;
  /** A saved allocation plan over the rule segment. */
  planId: number;
  invitation: { id: number; email: string; token: string };
  apiKey: { id: number; key: string };
  revokedApiKey: { id: number; key: string };
  /** A stored upload, ready for startImportAction with `uploadMapping`. */
  uploadId: string;
  /** Strings only this workspace's data holds: customer emails and names, segment and plan names, a rejected import row. */
  secrets: string[];
};

export const UPLOAD_CSV = 'customer_id,email\nnewcomer,newcomer@example.test\n';
export const UPLOAD_MAPPING = ['external_id', 'email'];

const everyBuyer: SegmentRule = { version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'orders', minOrders: 1 }] } };

function uploadBody(text: string): ReadableStream<Uint8Array> {
  return new Blob([text]).stream();
}

/** Where uploads go during the suite (a fresh folder), and the invitation links' origin (no request headers in tests). */
export function useIsolatedEnvironment(): { uploadDir: string; cleanup: () => void } {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'segmenta-isolation-'));
  const saved = { UPLOAD_DIR: process.env.UPLOAD_DIR, APP_URL: process.env.APP_URL };
  process.env.UPLOAD_DIR = uploadDir;
  process.env.APP_URL = 'http://isolation.test';
  return {
    uploadDir,
    cleanup: () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/**
 * A workspace with members of every role and one of each object an action or route takes by id: customers with
 * orders and recomputed metrics, a static and a rule segment (members, snapshots), an import with rejects, a pending
 * invitation, an active and a revoked API key, market inputs and weights, a stored upload, mail and audit rows.
 * `tag` prefixes every customer id and name so that another workspace's answers can be searched for them.
 */
export async function seedIsolationWorkspace(db: Database, name: string, tag: string): Promise<IsolationWorkspace> {
  const externalIds = [1, 2, 3, 4, 5, 6].map((n) => `${tag}-${n}`);
  const seeded = await seedWorkspaceData(db, name, externalIds, 3);
  const { tenant, admin } = seeded;
  const orgId = tenant.orgId;
  const password = `${tag}-members-password`;
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash }).where(inArray(users.id, [admin.id, seeded.marketer.id, seeded.viewer.id]));
  await db.execute(sql`update customers set marketing_consent = true where org_id = ${orgId}`);
  await recomputeCustomerValue(tenant);

  const ruleSegment = await createRuleSegment(tenant, admin.id, { name: `${tag} buyers`, description: '', color: 'indigo', rule: everyBuyer });
  if (!ruleSegment.ok) throw new Error(`fixture: ${ruleSegment.error}`);
  const [staticSegment] = await queryRows<{ id: number }>(db, sql`select id::int as id from segments where org_id = ${orgId} and name = 'Everyone'`);
  const [importRow] = await queryRows<{ id: number }>(db, sql`select id::int as id from imports where org_id = ${orgId}`);
  await db.insert(importRejects).values({ orgId, importId: importRow.id, line: 4, reason: 'Unknown customer.', raw: [`${tag}-rejected-row`] });

  const invitationEmail = `invitee@${tag}.test`;
  const { invitation, token } = await createInvitation(db, orgId, { email: invitationEmail, role: 'marketer', invitedBy: admin.id });
  await sendMail(db, orgId, { to: invitationEmail, subject: `Join ${name}`, body: 'An invitation.', link: `http://isolation.test/invite/${token}` });

  const active = await createApiKey(tenant, `${tag} CRM`, admin.id);
  const retired = await createApiKey(tenant, `${tag} old CRM`, admin.id);
  await revokeApiKey(tenant, retired.summary.id);

  await db.insert(segmentMarketInputs).values([
    { orgId, segmentKey: `segment:${ruleSegment.id}`, addressableMarketSize: 5000, competitiveIntensity: 'high', updatedBy: admin.id },
    { orgId, segmentKey: 'rfm:Champions', addressableMarketSize: 900, strategicWeight: 1.5, updatedBy: admin.id },
  ]);
  await db.insert(valuationSettings).values({ orgId, preset: 'growth', weights: { currentValue: 1, futureValue: 3 }, updatedBy: admin.id });
  const planId = await seedAllocationPlan(tenant, admin.id, `${tag} plan`, ruleSegment.id);
  await recordAuditEvent(db, orgId, { actorId: admin.id, actorEmail: admin.email, action: 'import.completed', target: 'orders:orders.csv' });

  const upload = await storeUpload(orgId, uploadBody(UPLOAD_CSV));
  const names = await db.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.orgId, orgId));
  return {
    ...seeded,
    password,
    externalIds,
    staticSegmentId: staticSegment.id,
    ruleSegmentId: ruleSegment.id,
    importId: importRow.id,
    invitation: { id: invitation.id, email: invitationEmail, token },
    apiKey: { id: active.summary.id, key: active.key },
    revokedApiKey: { id: retired.summary.id, key: retired.key },
    planId,
    uploadId: upload.uploadId,
    secrets: [...names.flatMap((row) => [row.email!, row.name!]), `${tag} buyers`, `${tag} plan`, `${tag}-rejected-row`],
  };
}

/** Planner inputs spending on one saved segment: without the tenant check, they would price another workspace's segment. */
export function plannerInputsFor(segmentId: number): PlannerInputs {
  return {
    budget: 100,
    segments: [{ segmentId: `segment:${segmentId}`, action: 'grow', costPerContact: 1, upliftRate: 0.1, valuePerResponse: 50, minSpend: null, maxSpend: null }],
  };
}

async function seedAllocationPlan(tenant: Tenant, userId: string, name: string, segmentId: number): Promise<number> {
  const inputs = plannerInputsFor(segmentId);
  const computed = await computeAllocationPlan(tenant, 'USD', inputs);
  if (!computed.ok) throw new Error(`fixture: ${computed.error}`);
  return savePlan(tenant, userId, name, inputs, computed.plan);
}

export type IsolationWorld = { victim: IsolationWorkspace; attacker: IsolationWorkspace };

/** Workspace A, whose data every hostile call aims at, and workspace B, whose members make the calls. */
export async function seedIsolationWorld(db: Database): Promise<IsolationWorld> {
  const victim = await seedIsolationWorkspace(db, 'Victim Shop', 'victim');
  const attacker = await seedIsolationWorkspace(db, 'Attacker Shop', 'attacker');
  return { victim, attacker };
}
