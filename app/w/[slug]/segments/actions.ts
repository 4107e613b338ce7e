'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { memberAction, type Member } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { withTenant } from '@/lib/db/tenant';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { refreshSegments } from '@/lib/segments/refresh-membership';
import { parseSegmentRule } from '@/lib/segments/rule-schema';
import {
  createRuleSegment,
  createRuleSegments,
  createStaticSegment,
  deleteSegment,
  updateSegment,
  type SaveResult,
} from '@/lib/segments/segment-store';
import { SEGMENT_COLORS } from '@/lib/segments/segment-colors';
import { customerIdsByExternalId } from '@/lib/segments/static-members';
import { suggestionsForWorkspace } from '@/lib/segments/suggestions';
import { TEMPLATE_SETS, templateSet } from '@/lib/segments/templates';

const segmentId = z.coerce.number({ error: 'Choose a segment.' }).int().positive('Choose a segment.');

const detailsSchema = z.object({
  name: z.string().trim().min(1, 'Give the segment a name.').max(80, 'Keep the name under 80 characters.'),
  description: z.string().trim().max(500, 'Keep the description under 500 characters.').optional().default(''),
  color: z.enum(SEGMENT_COLORS, 'Choose a colour.').optional().default('indigo'),
});

const ruleJson = z.string({ error: 'The rule is missing.' }).transform((text, ctx) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'The rule is not valid JSON.' });
    return z.NEVER;
  }
  const parsed = parseSegmentRule(json);
  if (!parsed.success) {
    for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return parsed.rule;
});

function revalidateSegments(member: Member, id?: number) {
  revalidatePath(`/w/${member.workspace.slug}/segments`);
  if (id) revalidatePath(`/w/${member.workspace.slug}/segments/${id}`);
}

function saveFailure(result: Exclude<SaveResult, { ok: true }>) {
  return { error: result.error, fieldErrors: result.field ? { [result.field]: result.fieldErrors ?? [result.error] } : undefined };
}

export const saveSegmentAction = memberAction(
  'marketer',
  detailsSchema.extend({ id: segmentId.optional(), rule: ruleJson.optional() }),
  async ({ id, rule, ...details }, member) => {
    if (!id && !rule) return { error: 'Add at least one condition.', fieldErrors: { rule: ['Add at least one condition.'] } };
    const result = id
      ? await updateSegment(member.tenant, id, details, rule ?? null)
      : await createRuleSegment(member.tenant, member.user.id, { ...details, rule: rule! });
    if (result === null) return { error: 'That segment no longer exists.' };
    if (!result.ok) return saveFailure(result);
    revalidateSegments(member, result.id);
    redirect(`/w/${member.workspace.slug}/segments/${result.id}`);
  },
);

export const deleteSegmentAction = memberAction('marketer', z.object({ id: segmentId }), async ({ id }, member) => {
  const result = await deleteSegment(member.tenant, id);
  if (result === null) return { error: 'That segment no longer exists.' };
  if (!result.ok) return { error: result.error };
  revalidateSegments(member);
  redirect(`/w/${member.workspace.slug}/segments`);
});

export const createTemplateSegmentsAction = memberAction(
  'marketer',
  z.object({ set: z.enum(TEMPLATE_SETS, 'Choose a template set.') }),
  async ({ set }, member) => {
    const { segments: scheme } = await workspaceSegmentScheme(await getDb(), member.tenant.orgId);
    const { created, skipped } = await createRuleSegments(member.tenant, member.user.id, templateSet(set, scheme));
    revalidateSegments(member);
    if (created.length === 0) return { ok: true, message: `All ${skipped.length} template segments already exist.` };
    const skippedNote = skipped.length ? ` (${skipped.length} already existed)` : '';
    return { ok: true, message: `Created ${created.length} segments${skippedNote}.` };
  },
);

export const refreshSegmentsAction = memberAction('marketer', z.object({}), async (_input, member) => {
  const summary = await withTenant(member.tenant, (tx) => refreshSegments(tx, member.tenant.orgId));
  revalidateSegments(member);
  return { ok: true, message: `Refreshed ${summary.segments} segments.` };
});

export const saveSuggestedSegmentAction = memberAction(
  'marketer',
  detailsSchema.extend({
    cluster: z.coerce.number().int().min(0, 'Choose a suggestion.'),
    k: z.coerce.number().int().min(3).max(8),
    as: z.enum(['static', 'rule'], 'Choose how to save it.'),
  }),
  async ({ cluster, k, as, ...details }, member) => {
    const suggestions = await suggestionsForWorkspace(member.tenant);
    const suggestion = suggestions.k === k ? suggestions.clusters[cluster] : undefined;
    if (!suggestion) return { error: 'The suggestions changed since the page loaded (new data was computed). Reload and choose again.' };
    const result =
      as === 'rule'
        ? await createRuleSegment(member.tenant, member.user.id, { ...details, rule: suggestion.approximateRule }, 'suggestion')
        : await createStaticSegment(member.tenant, member.user.id, details, suggestion.customerIds, 'suggestion');
    if (!result.ok) return saveFailure(result);
    revalidateSegments(member, result.id);
    redirect(`/w/${member.workspace.slug}/segments/${result.id}`);
  },
);

const MAX_STATIC_IDS = 100_000;

export const createStaticSegmentAction = memberAction(
  'marketer',
  detailsSchema.extend({
    externalIds: z
      .string({ error: 'Paste customer ids or choose a file.' })
      .transform((text) => [...new Set(text.split(/[\r\n,;\t]+/).map((id) => id.trim().replace(/^"|"$/g, '')).filter(Boolean))])
      .refine((ids) => ids.length > 0, 'Paste at least one customer id.')
      .refine((ids) => ids.length <= MAX_STATIC_IDS, `At most ${MAX_STATIC_IDS.toLocaleString('en-US')} ids at a time.`),
  }),
  async ({ externalIds, ...details }, member) => {
    const { ids, unknown } = await customerIdsByExternalId(member.tenant, externalIds);
    if (ids.length === 0) return { fieldErrors: { externalIds: ['None of these ids is a customer of this workspace.'] } };
    const result = await createStaticSegment(member.tenant, member.user.id, details, ids);
    if (!result.ok) return saveFailure(result);
    revalidateSegments(member, result.id);
    const note = unknown.length ? `&unknown=${unknown.length}` : '';
    redirect(`/w/${member.workspace.slug}/segments/${result.id}?created=static${note}`);
  },
);
