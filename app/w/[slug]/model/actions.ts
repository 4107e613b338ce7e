'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { enqueueJob } from '@/lib/jobs/queue';
import { wakeWorker } from '@/lib/jobs/worker';

export const recomputeAction = memberAction('marketer', z.object({}), async (_input, member) => {
  await enqueueJob(await getDb(), member.tenant.orgId, 'recompute', { createdBy: member.user.id });
  wakeWorker();
  revalidatePath(`/w/${member.workspace.slug}`, 'layout');
  return { ok: true, message: 'Recompute queued.' };
});
