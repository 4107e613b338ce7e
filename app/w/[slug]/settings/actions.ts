'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/gate';
import { deleteWorkspaceData, WorkspaceBusyError } from '@/lib/deletion/delete-workspace-data';
import { wakeWorker } from '@/lib/jobs/worker';
import { saveValueEngineSettings, valueEngineSettingsSchema } from '@/lib/metrics/settings';

export const saveValueSettingsAction = memberAction('admin', valueEngineSettingsSchema, async (input, member) => {
  await saveValueEngineSettings(member.tenant, member.user, input);
  wakeWorker();
  revalidatePath(`/w/${member.workspace.slug}`, 'layout');
  return { ok: true, message: 'Saved. Customer value is being recomputed with the new settings.' };
});

/** Deletes every customer and order of the workspace, once the admin has typed its slug. */
export const deleteAllDataAction = memberAction('admin', z.object({ confirmation: z.string() }), async ({ confirmation }, member) => {
  const slug = member.workspace.slug;
  if (confirmation !== slug) {
    const message = `Type ${slug} to confirm.`;
    return { error: message, fieldErrors: { confirmation: [message] } };
  }
  try {
    await deleteWorkspaceData(member.tenant, member.user);
  } catch (error) {
    if (error instanceof WorkspaceBusyError) return { error: error.message };
    throw error;
  }
  revalidatePath(`/w/${slug}`, 'layout');
  return { ok: true, message: 'All customer and order data was deleted.' };
});
