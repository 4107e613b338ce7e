import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { users, valuationSettings } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import {
  DEFAULT_VALUE_SCORE_PRESET,
  VALUE_COMPONENTS,
  VALUE_SCORE_PRESETS,
  type ValueComponent,
  type ValueScorePresetId,
  type ValueWeights,
} from '@/lib/valuation/value-score';
import type { InputsAuthor } from './market-inputs-store';

/** A preset, or `custom` once the sliders moved away from every preset. */
export type WeightsChoice = ValueScorePresetId | 'custom';

export type WorkspaceWeights = { preset: WeightsChoice; weights: ValueWeights; setBy: InputsAuthor | null };

export const MAX_WEIGHT = 100;

const presetIds = Object.keys(VALUE_SCORE_PRESETS) as [ValueScorePresetId, ...ValueScorePresetId[]];

const weightsShape = Object.fromEntries(
  VALUE_COMPONENTS.map(({ id, label }) => [
    id,
    z.coerce.number(`${label} weight must be a number.`).min(0, `${label} weight: at least 0.`).max(MAX_WEIGHT, `${label} weight: at most ${MAX_WEIGHT}.`),
  ]),
) as Record<ValueComponent, z.ZodCoercedNumber>;

/** The weights form: one field per component, plus the preset the sliders started from. */
export const weightsSchema = z
  .object({ preset: z.enum([...presetIds, 'custom'], 'Choose a preset.'), ...weightsShape })
  .refine((form) => VALUE_COMPONENTS.some(({ id }) => form[id] > 0), { message: 'At least one weight must be above 0.', path: ['_form'] });

export type WeightsForm = z.infer<typeof weightsSchema>;

const storedWeights = z.object(
  Object.fromEntries(VALUE_COMPONENTS.map(({ id }) => [id, z.number().min(0)])) as Record<ValueComponent, z.ZodNumber>,
);

export function defaultWeights(): WorkspaceWeights {
  return { preset: DEFAULT_VALUE_SCORE_PRESET, weights: VALUE_SCORE_PRESETS[DEFAULT_VALUE_SCORE_PRESET].weights, setBy: null };
}

/** The workspace's saved weights, or the default preset (also when what is stored no longer parses). */
export async function workspaceWeights(tx: Database, orgId: string): Promise<WorkspaceWeights> {
  const [row] = await tx
    .select({ preset: valuationSettings.preset, weights: valuationSettings.weights, at: valuationSettings.updatedAt, name: users.name })
    .from(valuationSettings)
    .leftJoin(users, eq(users.id, valuationSettings.updatedBy))
    .where(eq(valuationSettings.orgId, orgId));
  const weights = storedWeights.safeParse(row?.weights);
  if (!row || !weights.success) return defaultWeights();
  const preset = (row.preset in VALUE_SCORE_PRESETS ? row.preset : 'custom') as WeightsChoice;
  return { preset, weights: weights.data, setBy: { name: row.name, at: row.at } };
}

export async function saveWorkspaceWeights(tenant: Tenant, userId: string, form: WeightsForm): Promise<void> {
  const weights = Object.fromEntries(VALUE_COMPONENTS.map(({ id }) => [id, form[id]])) as ValueWeights;
  const values = { preset: form.preset, weights, updatedBy: userId, updatedAt: sql`now()` };
  await withTenant(tenant, (tx) =>
    tx
      .insert(valuationSettings)
      .values({ orgId: tenant.orgId, ...values })
      .onConflictDoUpdate({ target: [valuationSettings.orgId], set: values }),
  );
}
