'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';
import type { ValueEngineSettings } from '@/lib/metrics/settings';

type Props = {
  settings: ValueEngineSettings;
  canEdit: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

export function ValueSettingsForm({ settings, canEdit, action }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="max-w-xl space-y-4" noValidate>
      <FormError message={state.error} />
      {state.message && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {state.message}
        </p>
      )}
      <fieldset disabled={!canEdit || pending} className="space-y-4">
        <Field
          label="Default margin (%)"
          name="defaultMarginPct"
          type="number"
          step="0.1"
          defaultValue={settings.defaultMarginPct}
          errors={errors.defaultMarginPct}
          hint="Used for orders imported without a cost."
        />
        <Field
          label="RFM score bins"
          name="rfmBins"
          type="number"
          defaultValue={settings.rfmBins}
          errors={errors.rfmBins}
          hint="R, F and M are scored from 1 to this number (3–10). Segments are defined on the 5-point grid and scaled."
        />
        <Field
          label="CLV horizon (months)"
          name="clvHorizonMonths"
          type="number"
          defaultValue={settings.clvHorizonMonths}
          errors={errors.clvHorizonMonths}
        />
        <Field
          label="Monthly discount rate (%)"
          name="monthlyDiscountRatePct"
          type="number"
          step="0.01"
          defaultValue={Math.round(settings.monthlyDiscountRate * 10_000) / 100}
          errors={errors.monthlyDiscountRatePct}
        />
        <div>
          <span className="block text-sm font-medium text-gray-900" id="clv-basis-label">
            Predicted CLV measures
          </span>
          <div role="radiogroup" aria-labelledby="clv-basis-label" className="mt-2 flex gap-6 text-sm">
            {(['revenue', 'margin'] as const).map((basis) => (
              <label key={basis} className="flex items-center gap-2">
                <input type="radio" name="clvBasis" value={basis} defaultChecked={settings.clvBasis === basis} />
                {basis === 'revenue' ? 'Revenue' : 'Gross margin'}
              </label>
            ))}
          </div>
        </div>
        {canEdit && (
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save and recompute'}
          </Button>
        )}
      </fieldset>
    </form>
  );
}
