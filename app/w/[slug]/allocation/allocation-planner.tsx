'use client';

import { useMemo, useState } from 'react';
import { AllocationResult } from '@/components/valuation/allocation-result';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';
import { formatCurrency, formatNumber } from '@/lib/format';
import { runAllocationScenario, type PlannerInputs, type ScenarioPlans } from '@/lib/valuation/allocation-scenario';
import { defaultCampaignAssumptions } from '@/lib/valuation/campaign-assumptions';
import { SEGMENT_ACTIONS, type SegmentAction } from '@/lib/valuation/recommended-action';
import type { SegmentMetrics } from '@/lib/valuation/segment-metrics';
import { plannerInputsSchema } from '@/lib/valuation-report/planner-inputs';

export type PlannerSegmentView = {
  key: string;
  name: string;
  metrics: SegmentMetrics;
  recommendation: { action: SegmentAction; label: string; reason: string };
};

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  segments: PlannerSegmentView[];
  currency: string;
  suggestedBudget: number;
  exportHref: string;
  /** Only for members who may save plans. */
  saveAction?: Action;
};

type RowState = {
  included: boolean;
  action: SegmentAction;
  costPerContact: string;
  upliftPct: string;
  valuePerResponse: string;
  minSpend: string;
  maxSpend: string;
};

type RowField = Exclude<keyof RowState, 'included' | 'action'>;

const ACTIONS = Object.entries(SEGMENT_ACTIONS) as [SegmentAction, (typeof SEGMENT_ACTIONS)[SegmentAction]][];
const twoDecimals = (value: number) => String(Math.round(value * 100) / 100);

function defaultRow(segment: PlannerSegmentView, action: SegmentAction = segment.recommendation.action, included = true): RowState {
  const assumptions = defaultCampaignAssumptions(action, segment.metrics);
  return {
    included,
    action,
    costPerContact: twoDecimals(assumptions.costPerContact),
    upliftPct: twoDecimals(assumptions.upliftRate * 100),
    valuePerResponse: twoDecimals(assumptions.valuePerResponse),
    minSpend: '',
    maxSpend: '',
  };
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const optional = (text: string) => (text.trim() === '' ? null : Number(text));

type Outcome =
  | { kind: 'plans'; inputs: PlannerInputs; plans: ScenarioPlans }
  | { kind: 'invalid'; message: string; fieldErrors: Map<string, string> };

function compute(budget: string, segments: PlannerSegmentView[], rows: RowState[]): Outcome {
  const included = segments.flatMap((segment, index) => (rows[index].included ? [{ segment, row: rows[index], index }] : []));
  const candidate = {
    budget: number(budget),
    segments: included.map(({ segment, row }) => ({
      segmentId: segment.key,
      action: row.action,
      costPerContact: number(row.costPerContact),
      upliftRate: number(row.upliftPct) / 100,
      valuePerResponse: number(row.valuePerResponse),
      minSpend: optional(row.minSpend),
      maxSpend: optional(row.maxSpend),
    })),
  };
  const parsed = plannerInputsSchema.safeParse(candidate);
  if (!parsed.success) {
    const fieldErrors = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const [first, position, field] = issue.path;
      const key = first === 'segments' && typeof position === 'number' ? `${included[position].index}.${String(field)}` : String(first);
      if (!fieldErrors.has(key)) fieldErrors.set(key, issue.message);
    }
    return { kind: 'invalid', message: parsed.error.issues[0].message, fieldErrors };
  }
  try {
    const metrics = new Map(segments.map((segment) => [segment.key, segment.metrics]));
    return { kind: 'plans', inputs: parsed.data, plans: runAllocationScenario(parsed.data, metrics) };
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error), fieldErrors: new Map() };
  }
}

/**
 * The allocation planner: budget, per-segment campaign assumptions (defaults from the recommended action, all
 * editable) and bounds; the plan and both baselines are recomputed in the browser on every change with the same
 * pure allocator the server uses to save and export.
 */
export function AllocationPlanner({ segments, currency, suggestedBudget, exportHref, saveAction }: Props) {
  const [budget, setBudget] = useState(String(suggestedBudget));
  const [rows, setRows] = useState<RowState[]>(() => segments.map((segment) => defaultRow(segment)));
  const outcome = useMemo(() => compute(budget, segments, rows), [budget, segments, rows]);
  const notes = useMemo(
    () => Object.fromEntries(segments.map((s) => [s.key, { name: s.name, recommendedLabel: s.recommendation.label, reason: s.recommendation.reason }])),
    [segments],
  );
  const actions = useMemo(() => Object.fromEntries(segments.map((s, i) => [s.key, rows[i].action])), [segments, rows]);
  const inputsJson = outcome.kind === 'plans' ? JSON.stringify(outcome.inputs) : '';
  const errorOf = (key: string) => (outcome.kind === 'invalid' ? outcome.fieldErrors.get(key) : undefined);

  const updateRow = (index: number, change: Partial<RowState>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const chooseAction = (index: number, action: SegmentAction) =>
    updateRow(index, { ...defaultRow(segments[index], action, rows[index].included), minSpend: rows[index].minSpend, maxSpend: rows[index].maxSpend });

  const cell = (index: number, field: RowField, label: string, step: string) => {
    const id = `row-${index}-${field}`;
    const error = errorOf(`${index}.${field === 'upliftPct' ? 'upliftRate' : field}`);
    return (
      <td className="px-1 py-1.5 align-top">
        <label htmlFor={id} className="sr-only">
          {label} for {segments[index].name}
        </label>
        <input
          id={id}
          type="number"
          min={0}
          step={step}
          inputMode="decimal"
          value={rows[index][field]}
          disabled={!rows[index].included}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => updateRow(index, { [field]: event.target.value })}
          className="w-24 rounded-md border-0 px-2 py-1 text-right text-sm tabular-nums ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-gray-50 disabled:text-gray-400 aria-[invalid]:ring-red-500"
        />
        {error && (
          <p id={`${id}-error`} className="mt-0.5 w-24 text-xs text-red-700">
            {error}
          </p>
        )}
      </td>
    );
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="inputs-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
        <h2 id="inputs-heading" className="text-base font-semibold text-gray-900">
          Inputs
        </h2>
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <Field
            label="Budget"
            name="budget"
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            value={budget}
            onChange={(event) => setBudget(event.target.value)}
            errors={errorOf('budget') ? [errorOf('budget')!] : undefined}
            hint={`In ${currency}. Suggested: ${formatCurrency(suggestedBudget, currency, { compact: true })}, half the spend at which the last unit of budget would just pay for itself.`}
            className="w-full max-w-md"
          />
          <Button type="button" variant="ghost" onClick={() => setRows(segments.map((segment) => defaultRow(segment)))}>
            Reset assumptions to defaults
          </Button>
        </div>
        <div className="mt-6 overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Campaign assumptions per segment</caption>
            <thead className="text-left text-gray-900">
              <tr>
                <th scope="col" className="px-1 py-2 font-semibold">Segment</th>
                <th scope="col" className="px-1 py-2 font-semibold">Action</th>
                <th scope="col" className="px-1 py-2 text-right font-semibold">Cost per contact</th>
                <th scope="col" className="px-1 py-2 text-right font-semibold">Response rate (%)</th>
                <th scope="col" className="px-1 py-2 text-right font-semibold">Margin per response</th>
                <th scope="col" className="px-1 py-2 text-right font-semibold">Minimum spend</th>
                <th scope="col" className="px-1 py-2 text-right font-semibold">Maximum spend</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {segments.map((segment, index) => (
                <tr key={segment.key} className={rows[index].included ? '' : 'text-gray-400'}>
                  <th scope="row" className="px-1 py-1.5 text-left align-top font-medium">
                    <label className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={rows[index].included}
                        onChange={(event) => updateRow(index, { included: event.target.checked })}
                        className="rounded border-gray-300"
                      />
                      {segment.name}
                    </label>
                    <div className="pl-6 text-xs font-normal text-gray-500">
                      {formatNumber(segment.metrics.customers)} customers · recommended: {segment.recommendation.label}
                    </div>
                  </th>
                  <td className="px-1 py-1.5 align-top">
                    <label htmlFor={`row-${index}-action`} className="sr-only">
                      Action for {segment.name}
                    </label>
                    <select
                      id={`row-${index}-action`}
                      value={rows[index].action}
                      disabled={!rows[index].included}
                      onChange={(event) => chooseAction(index, event.target.value as SegmentAction)}
                      className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-gray-50"
                    >
                      {ACTIONS.map(([id, action]) => (
                        <option key={id} value={id}>
                          {action.label}
                        </option>
                      ))}
                    </select>
                  </td>
                  {cell(index, 'costPerContact', 'Cost per contact', '0.01')}
                  {cell(index, 'upliftPct', 'Response rate in percent', '0.01')}
                  {cell(index, 'valuePerResponse', 'Margin per response', '0.01')}
                  {cell(index, 'minSpend', 'Minimum spend', 'any')}
                  {cell(index, 'maxSpend', 'Maximum spend', 'any')}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-xs text-gray-500">
          Changing a segment’s action resets its cost, response rate and margin per response to that action’s defaults (from the
          segment’s churn risk and predicted CLV). Returns diminish: later contacts increasingly reach customers already contacted.
        </p>
      </section>

      <section aria-labelledby="result-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-live="polite">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <h2 id="result-heading" className="text-base font-semibold text-gray-900">
            Plan
          </h2>
          {outcome.kind === 'plans' && (
            <form method="post" action={exportHref}>
              <input type="hidden" name="inputs" value={inputsJson} />
              <Button type="submit" variant="secondary">
                Export CSV
              </Button>
            </form>
          )}
        </div>
        <div className="mt-4">
          {outcome.kind === 'invalid' ? (
            <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              {outcome.message}
            </p>
          ) : (
            <AllocationResult plans={outcome.plans} notes={notes} actions={actions} currency={currency} />
          )}
        </div>
      </section>

      {saveAction && outcome.kind === 'plans' && <SavePlanForm action={saveAction} inputsJson={inputsJson} />}
    </div>
  );
}

function SavePlanForm({ action, inputsJson }: { action: Action; inputsJson: string }) {
  return (
    <section aria-labelledby="save-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
      <h2 id="save-heading" className="text-base font-semibold text-gray-900">
        Save this plan
      </h2>
      <ActionForm action={action} submitLabel="Save plan" className="mt-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="inputs" value={inputsJson} />
        <Field label="Plan name" name="name" required maxLength={120} className="w-full max-w-sm" />
      </ActionForm>
    </section>
  );
}
