import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '@/lib/audit/events';
import type { Database } from '@/lib/db/client';
import { organizations } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { enqueueJob } from '@/lib/jobs/queue';
import type { SegmentRule } from '@/lib/models/rfm';
import { isDefaultScheme, schemeSegmentNames, storedSegmentScheme, type SegmentScheme } from './segment-scheme';

/** The workspace's RFM segments: its own scheme, or the default R × F grid. */
export async function workspaceSegmentScheme(db: Pick<Database, 'select'>, orgId: string): Promise<SegmentScheme> {
  const [row] = await db.select({ scheme: organizations.rfmScheme }).from(organizations).where(eq(organizations.id, orgId));
  return storedSegmentScheme(row?.scheme);
}

/** Whether the workspace's scheme has an RFM segment of this name. */
export async function isWorkspaceRfmSegment(db: Pick<Database, 'select'>, orgId: string, name: string): Promise<boolean> {
  const { segments } = await workspaceSegmentScheme(db, orgId);
  return segments.some((segment) => segment.name === name);
}

/**
 * Stores a validated scheme (the default grid as null), records the change in the audit trail and queues the
 * recompute that gives every customer a segment of it, in one transaction.
 */
export async function saveWorkspaceSegmentScheme(tenant: Tenant, actor: { id: string; email: string }, segments: readonly SegmentRule[]): Promise<void> {
  const custom = !isDefaultScheme(segments);
  await withTenant(tenant, async (tx) => {
    const before = await workspaceSegmentScheme(tx, tenant.orgId);
    await tx
      .update(organizations)
      .set({ rfmScheme: custom ? segments : null })
      .where(eq(organizations.id, tenant.orgId));
    await recordAuditEvent(tx, tenant.orgId, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'rfm_scheme.changed',
      target: custom ? 'custom RFM segments' : 'default RFM grid',
      details: { before: schemeSegmentNames(before.segments), after: schemeSegmentNames(segments) },
    });
    await enqueueJob(tx, tenant.orgId, 'recompute', { createdBy: actor.id });
  });
}
