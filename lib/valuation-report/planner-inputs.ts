import { z } from 'zod';
import type { PlannerInputs } from '@/lib/valuation/allocation-scenario';
import { SEGMENT_ACTIONS, type SegmentAction } from '@/lib/valuation/recommended-action';
import { parseSegmentKey } from './segment-keys';
import type { SegmentSelection } from './segment-metrics-query';
import { MAX_SAVED_SEGMENTS } from './selection';

const MAX_MONEY = 1e12;
const actionIds = Object.keys(SEGMENT_ACTIONS) as [SegmentAction, ...SegmentAction[]];

const money = (label: string) =>
  z.number(`${label} must be a number.`).min(0, `${label} cannot be negative.`).max(MAX_MONEY, `${label} is too large.`);

const plannerSegmentSchema = z
  .object({
    segmentId: z.string().refine((key) => parseSegmentKey(key) !== null, 'Unknown segment.'),
    action: z.enum(actionIds, 'Choose an action.'),
    costPerContact: z.number('Cost per contact must be a number.').gt(0, 'Cost per contact must be above 0.').max(1e6, 'Cost per contact is too large.'),
    upliftRate: z.number('Response rate must be a number.').min(0, 'Response rate: at least 0 %.').max(1, 'Response rate: at most 100 %.'),
    valuePerResponse: money('Value per response'),
    minSpend: money('Minimum spend').nullable(),
    maxSpend: money('Maximum spend').nullable(),
  })
  .refine((row) => row.minSpend === null || row.maxSpend === null || row.maxSpend >= row.minSpend, {
    message: 'The maximum spend must be at least the minimum.',
    path: ['maxSpend'],
  });

/** The planner's inputs as the client sends them (JSON), checked before anything is computed or saved. */
export const plannerInputsSchema = z.object({
  budget: money('Budget'),
  segments: z
    .array(plannerSegmentSchema)
    .min(1, 'Choose at least one segment.')
    .max(40, 'At most 40 segments.')
    .refine((rows) => new Set(rows.map((row) => row.segmentId)).size === rows.length, 'A segment is listed twice.'),
}) satisfies z.ZodType<PlannerInputs>;

/** A JSON text field holding planner inputs. */
export const plannerInputsJson = z.string().transform((text, context): PlannerInputs => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'The plan’s inputs could not be read.' });
    return z.NEVER;
  }
  const parsed = plannerInputsSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  }
  return parsed.data;
});

/** The segments whose metrics a plan needs. */
export function selectionOf(inputs: PlannerInputs): SegmentSelection {
  const refs = inputs.segments.map((row) => parseSegmentKey(row.segmentId)).filter((ref) => ref !== null);
  return {
    rfm: refs.some((ref) => ref.kind === 'rfm'),
    savedSegmentIds: refs.flatMap((ref) => (ref.kind === 'segment' ? [ref.id] : [])).slice(0, MAX_SAVED_SEGMENTS),
  };
}
