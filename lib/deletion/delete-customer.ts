import { sql } from 'drizzle-orm';
import { recordAuditEvent } from '@/lib/audit/events';
import type { SignedInUser } from '@/lib/auth/users';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';

export type DeletedCustomer = { externalId: string; orders: number };

/**
 * Deletes one customer of the workspace with their orders and metrics (right to be forgotten), in one transaction.
 * The audit event names the customer by external ID only: no email, name or other personal data.
 * Returns null, deleting nothing, when the workspace has no customer with that id.
 */
export async function deleteCustomer(
  tenant: Tenant,
  customerId: number,
  actor: Pick<SignedInUser, 'id' | 'email'>,
): Promise<DeletedCustomer | null> {
  const orgId = tenant.orgId;
  return withTenant(tenant, async (tx) => {
    const [customer] = await queryRows<{ externalId: string }>(
      tx,
      sql`select external_id as "externalId" from customers where org_id = ${orgId} and id = ${customerId} for update`,
    );
    if (!customer) return null;
    const [{ orders }] = await queryRows<{ orders: number }>(
      tx,
      sql`with deleted as (delete from orders where org_id = ${orgId} and customer_id = ${customerId} returning 1)
          select count(*)::int as orders from deleted`,
    );
    // These tables have no foreign key to cascade from.
    await tx.execute(sql`delete from customer_metrics where org_id = ${orgId} and customer_id = ${customerId}`);
    await tx.execute(sql`delete from segment_members where org_id = ${orgId} and customer_id = ${customerId}`);
    await tx.execute(sql`delete from segment_member_changes where org_id = ${orgId} and customer_id = ${customerId}`);
    await tx.execute(sql`delete from customers where org_id = ${orgId} and id = ${customerId}`);
    await recordAuditEvent(tx, orgId, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'customer.deleted',
      target: `customer:${customer.externalId}`,
      details: { orders },
    });
    return { externalId: customer.externalId, orders };
  });
}
