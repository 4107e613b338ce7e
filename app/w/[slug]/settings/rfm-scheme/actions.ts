'use server';

import { revalidatePath } from 'next/cache';
import { memberAction } from '@/lib/auth/gate';
import { wakeWorker } from '@/lib/jobs/worker';
import { rfmSchemeFormSchema } from '@/lib/metrics/segment-scheme';
import { saveWorkspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';

/** Stores the workspace's RFM segments once the validator proves every cell falls in exactly one of them. */
export const saveRfmSchemeAction = memberAction('admin', rfmSchemeFormSchema, async ({ scheme }, member) => {
  await saveWorkspaceSegmentScheme(member.tenant, member.user, scheme);
  wakeWorker();
  revalidatePath(`/w/${member.workspace.slug}`, 'layout');
  return { ok: true, message: 'Saved. Customer value is being recomputed so that every customer gets one of these segments.' };
});
