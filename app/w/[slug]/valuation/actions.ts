'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/gate';
import { marketInputsSchema, resetMarketInputs, saveMarketInputs } from '@/lib/valuation-report/market-inputs-store';
import { parseSegmentKey, type SegmentKey } from '@/lib/valuation-report/segment-keys';
import { saveWorkspaceWeights, weightsSchema } from '@/lib/valuation-report/weights-store';

/** Stores the value-score weights the sliders show as the workspace's (marketers and admins). */
export const saveWeightsAction = memberAction('marketer', weightsSchema, async (input, member) => {
  await saveWorkspaceWeights(member.tenant, member.user.id, input);
  revalidatePath(`/w/${member.workspace.slug}/valuation`, 'layout');
  return { ok: true, message: 'Saved: everyone now sees the segments scored with these weights.' };
});

/** Stores what the team knows about a segment's market (marketers and admins). */
export const saveMarketInputsAction = memberAction('marketer', marketInputsSchema, async (input, member) => {
  const result = await saveMarketInputs(member.tenant, member.user.id, input);
  if (!result.ok) return { error: result.error, fieldErrors: result.field ? { [result.field]: [result.error] } : undefined };
  revalidatePath(`/w/${member.workspace.slug}/valuation`, 'layout');
  return { ok: true, message: 'Market inputs saved.' };
});

const segmentKeySchema = z.object({
  segmentKey: z.string().refine((key) => parseSegmentKey(key) !== null, 'Unknown segment.'),
});

/** Puts a segment's market inputs back to the defaults (marketers and admins). */
export const resetMarketInputsAction = memberAction('marketer', segmentKeySchema, async ({ segmentKey }, member) => {
  const result = await resetMarketInputs(member.tenant, segmentKey as SegmentKey);
  if (!result.ok) return { error: result.error };
  revalidatePath(`/w/${member.workspace.slug}/valuation`, 'layout');
  return { ok: true, message: 'Back to the defaults.' };
});
