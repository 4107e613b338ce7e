'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { enqueueJob } from '@/lib/jobs/queue';
import { wakeWorker } from '@/lib/jobs/worker';
import { updateValueEngineSettings, valueEngineSettingsSchema } from '@/lib/metrics/settings';

export const saveValueSettingsAction = memberAction('admin', valueEngineSettingsSchema, async (input, member) => {
  const db = await getDb();
  await updateValueEngineSettings(db, member.tenant.orgId, input);
  await enqueueJob(db, member.tenant.orgId, 'recompute', { createdBy: member.user.id });
  wakeWorker();
  revalidatePath(`/w/${member.workspace.slug}`, 'layout');
  return { ok: true, message: 'Saved. Customer value is being recomputed with the new settings.' };
});
