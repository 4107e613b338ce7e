'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { deleteCustomer } from '@/lib/deletion/delete-customer';
import { enqueueJob } from '@/lib/jobs/queue';
import { wakeWorker } from '@/lib/jobs/worker';

const deleteCustomerSchema = z.object({
  customerId: z.coerce.number().int().positive(),
  confirm: z.literal('delete', 'Confirm that the customer is to be deleted.'),
});

/** Deletes one customer with their orders and metrics (right to be forgotten), then recomputes everyone else's. */
export const deleteCustomerAction = memberAction('marketer', deleteCustomerSchema, async ({ customerId }, member) => {
  const deleted = await deleteCustomer(member.tenant, customerId, member.user);
  if (!deleted) return { error: 'Customer not found.' };
  // RFM scores are ranks among all customers: the others' change without this one.
  await enqueueJob(await getDb(), member.tenant.orgId, 'recompute', { createdBy: member.user.id });
  wakeWorker();
  revalidatePath(`/w/${member.workspace.slug}`, 'layout');
  redirect(`/w/${member.workspace.slug}/customers`);
});
