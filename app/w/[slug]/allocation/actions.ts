'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/gate';
import { computeAllocationPlan, deletePlan, savePlan } from '@/lib/valuation-report/allocation-plans';
import { plannerInputsJson } from '@/lib/valuation-report/planner-inputs';

const savePlanSchema = z.object({
  name: z.string('Name the plan.').trim().min(1, 'Name the plan.').max(120, 'At most 120 characters.'),
  inputs: plannerInputsJson,
});

/** Recomputes the plan on the server from its inputs and saves it with its author (marketers and admins). */
export const savePlanAction = memberAction('marketer', savePlanSchema, async ({ name, inputs }, member) => {
  const computed = await computeAllocationPlan(member.tenant, member.workspace.currency, inputs);
  if (!computed.ok) return { error: computed.error };
  await savePlan(member.tenant, member.user.id, name, inputs, computed.plan);
  revalidatePath(`/w/${member.workspace.slug}/allocation`, 'layout');
  return { ok: true, message: `Saved “${name}”. It is listed under Saved plans.` };
});

const planIdSchema = z.object({ id: z.coerce.number('Unknown plan.').int('Unknown plan.').positive('Unknown plan.') });

/** Deletes a saved plan of the workspace (marketers and admins). */
export const deletePlanAction = memberAction('marketer', planIdSchema, async ({ id }, member) => {
  if (!(await deletePlan(member.tenant, id))) return { error: 'Plan not found.' };
  revalidatePath(`/w/${member.workspace.slug}/allocation`, 'layout');
  return { ok: true, message: 'Plan deleted.' };
});
