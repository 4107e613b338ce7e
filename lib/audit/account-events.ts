import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';

export type AccountEvent = { action: string; ip?: string | null; details?: Record<string, unknown> };

/**
 * Records an event of a person's account (a sign-in, a password change) in the audit trail of every workspace they
 * belong to, in one statement. The audit trail is per workspace, so an email with no account (or an account in no
 * workspace) records nothing anywhere: there is no trail to put it in. Looking the account up by email in the same
 * statement also means a failed sign-in costs the same query whether or not the email has an account.
 */
export async function recordAccountEvent(db: Database, account: { userId: string } | { email: string }, event: AccountEvent): Promise<void> {
  const accountIs = 'userId' in account ? sql`u.id = ${account.userId}` : sql`u.email = ${account.email.toLowerCase()}`;
  await db.execute(sql`
    insert into audit_events (org_id, actor_id, actor_email, action, ip, details)
    select m.org_id, u.id, u.email, ${event.action}, ${event.ip ?? null}, ${JSON.stringify(event.details ?? {})}::jsonb
    from users u
    join memberships m on m.user_id = u.id
    where ${accountIs}`);
}
