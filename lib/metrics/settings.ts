import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/audit/events';
import type { Database } from '@/lib/db/client';
import { organizations } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { enqueueJob } from '@/lib/jobs/queue';

const number = (label: string, min: number, max: number) =>
  z.coerce.number(`${label} must be a number.`).min(min, `${label}: at least ${min}.`).max(max, `${label}: at most ${max}.`);

/** What an admin may set; the form sends the discount rate in percent. */
export const valueEngineSettingsSchema = z.object({
  defaultMarginPct: number('Default margin', 0, 100),
  rfmBins: number('Score bins', 3, 10).int('Score bins must be a whole number.'),
  clvHorizonMonths: number('CLV horizon', 1, 60).int('CLV horizon must be whole months.'),
  monthlyDiscountRatePct: number('Monthly discount rate', 0, 10),
  clvBasis: z.enum(['revenue', 'margin'], 'Choose revenue or margin.'),
});

export type ValueEngineSettings = {
  defaultMarginPct: number;
  rfmBins: number;
  clvHorizonMonths: number;
  monthlyDiscountRate: number;
  clvBasis: 'revenue' | 'margin';
};

export async function updateValueEngineSettings(db: Database, orgId: string, input: z.infer<typeof valueEngineSettingsSchema>) {
  await db
    .update(organizations)
    .set({
      defaultMarginPct: input.defaultMarginPct,
      rfmBins: input.rfmBins,
      clvHorizonMonths: input.clvHorizonMonths,
      monthlyDiscountRate: input.monthlyDiscountRatePct / 100,
      clvBasis: input.clvBasis,
    })
    .where(eq(organizations.id, orgId));
}

/** Stores an admin's settings, records them before and after in the audit trail and queues the recompute that applies them, in one transaction. */
export async function saveValueEngineSettings(tenant: Tenant, actor: { id: string; email: string }, input: z.infer<typeof valueEngineSettingsSchema>) {
  await withTenant(tenant, async (tx) => {
    const before = await valueEngineSettings(tx, tenant.orgId);
    await updateValueEngineSettings(tx, tenant.orgId, input);
    const after = await valueEngineSettings(tx, tenant.orgId);
    await recordAuditEvent(tx, tenant.orgId, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'value_settings.changed',
      target: 'value engine settings',
      details: { before, after },
    });
    await enqueueJob(tx, tenant.orgId, 'recompute', { createdBy: actor.id });
  });
}

export async function valueEngineSettings(db: Database, orgId: string): Promise<ValueEngineSettings> {
  const [settings] = await db
    .select({
      defaultMarginPct: organizations.defaultMarginPct,
      rfmBins: organizations.rfmBins,
      clvHorizonMonths: organizations.clvHorizonMonths,
      monthlyDiscountRate: organizations.monthlyDiscountRate,
      clvBasis: organizations.clvBasis,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return settings;
}
