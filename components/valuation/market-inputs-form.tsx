'use client';

import { startTransition, useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';
import type { SegmentMarketInputs } from '@/lib/valuation/value-score';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A segment's market inputs, for marketers; viewers get the read-only list instead (no form is rendered). */
export function MarketInputsForm({ segmentKey, inputs, customized, saveAction, resetAction }: {
  segmentKey: string;
  inputs: SegmentMarketInputs;
  /** Whether the team has set them (else the defaults apply and there is nothing to reset). */
  customized: boolean;
  saveAction: Action;
  resetAction: Action;
}) {
  const [state, submit, pending] = useActionState(saveAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      <form
        noValidate
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => submit(data));
        }}
      >
        <input type="hidden" name="segmentKey" value={segmentKey} />
        <div className="sm:col-span-2">
          <FormError message={state.error} />
          {state.message && !state.error && (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
              {state.message}
            </p>
          )}
        </div>
        <Field
          label="Addressable market (customers)"
          name="addressableMarketSize"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          defaultValue={inputs.addressableMarketSize ?? ''}
          errors={errors.addressableMarketSize}
          hint="Customers this segment could have in its market. Leave empty if unknown (no headroom counted)."
        />
        <Field
          label="Expected market growth (% a year)"
          name="expectedMarketGrowthPct"
          type="number"
          step="0.1"
          defaultValue={inputs.expectedMarketGrowthPct}
          errors={errors.expectedMarketGrowthPct}
          hint="−100 to 1000; 5 means the market grows 5 % a year."
        />
        <div>
          <label htmlFor="field-competitiveIntensity" className="block text-sm font-medium text-gray-900">
            Competition
          </label>
          <select
            id="field-competitiveIntensity"
            name="competitiveIntensity"
            defaultValue={inputs.competitiveIntensity}
            aria-invalid={errors.competitiveIntensity?.length ? true : undefined}
            aria-describedby="field-competitiveIntensity-hint"
            className="mt-1 block w-full rounded-md border-0 py-2 pl-3 pr-8 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
          >
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
          <p id="field-competitiveIntensity-hint" className="mt-1 text-xs text-gray-500">
            {errors.competitiveIntensity?.join(' ') ?? 'How contested or saturated this segment’s market is.'}
          </p>
        </div>
        <Field
          label="Strategic weight"
          name="strategicWeight"
          type="number"
          min={0}
          max={2}
          step="0.1"
          defaultValue={inputs.strategicWeight}
          errors={errors.strategicWeight}
          hint="0–2: 1 leaves the score alone, 2 lifts it to 100, 0 sinks it to 0."
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save market inputs'}
          </Button>
        </div>
      </form>
      {customized && (
        <ActionForm action={resetAction} submitLabel="Reset to defaults" pendingLabel="Resetting…" variant="ghost" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="segmentKey" value={segmentKey} />
        </ActionForm>
      )}
    </div>
  );
}
