import type { Database } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';

/** Appends to the workspace's audit trail (who did what to which target, from where). Never updated or deleted. */
export async function recordAuditEvent(
  db: Database,
  orgId: string,
  event: { actorId?: string | null; actorEmail?: string | null; action: string; target?: string; details?: Record<string, unknown>; ip?: string | null },
) {
  await db.insert(auditEvents).values({ orgId, ...event });
}
