'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/auth/gate';
import { formatNumber, formatPercent } from '@/lib/format';
import type { SegmentMetrics } from '@/lib/valuation/segment-metrics';
import {
  VALUE_COMPONENTS,
  VALUE_QUADRANTS,
  VALUE_SCORE_PRESETS,
  scoreSegments,
  type SegmentMarketInputs,
  type SegmentValueScore,
  type ValueComponent,
  type ValueScorePresetId,
  type ValueWeights,
} from '@/lib/valuation/value-score';
import type { WeightsChoice } from '@/lib/valuation-report/weights-store';
import { ScoreBreakdownChart } from './score-breakdown-chart';
import { ValueQuadrantChart } from './value-quadrant-chart';

export type ExplorerSegment = {
  key: string;
  name: string;
  href: string;
  metrics: SegmentMetrics;
  market: SegmentMarketInputs;
  actionLabel: string;
};

type Props = {
  segments: ExplorerSegment[];
  initialPreset: WeightsChoice;
  initialWeights: ValueWeights;
  /** Where the starting weights come from, e.g. "Workspace weights: Growth, saved by Max on 3 Nov 2026". */
  weightsNote: string;
  /** Only for members who may save the workspace's weights; without it nothing can be saved. */
  saveAction?: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

const PRESETS = Object.values(VALUE_SCORE_PRESETS);
const MAX_SLIDER = 100;

function matchingPreset(weights: ValueWeights): WeightsChoice {
  const match = PRESETS.find((preset) => VALUE_COMPONENTS.every(({ id }) => preset.weights[id] === weights[id]));
  return match?.id ?? 'custom';
}

function safeScores(segments: ExplorerSegment[], weights: ValueWeights): SegmentValueScore[] | null {
  try {
    return scoreSegments(
      segments.map((segment) => ({ segmentId: segment.key, metrics: segment.metrics, market: segment.market })),
      weights,
    );
  } catch {
    return null; // every weight at 0
  }
}

/**
 * Value-score weights (presets and sliders) and what they do: the ranking, each score's breakdown and the value
 * quadrant, recomputed in the browser on every change. Anyone can explore; only `saveAction` stores the weights.
 */
export function ValuationExplorer({ segments, initialPreset, initialWeights, weightsNote, saveAction }: Props) {
  const [weights, setWeights] = useState<ValueWeights>(initialWeights);
  const [preset, setPreset] = useState<WeightsChoice>(initialPreset);
  const scores = useMemo(() => safeScores(segments, weights), [segments, weights]);
  const ranked = useMemo(() => (scores ? [...scores].sort((a, b) => a.rank - b.rank || b.score - a.score) : []), [scores]);
  const byKey = useMemo(() => new Map(segments.map((segment) => [segment.key, segment])), [segments]);
  const names = useMemo(() => Object.fromEntries(segments.map((segment) => [segment.key, segment.name])), [segments]);
  const customers = useMemo(() => Object.fromEntries(segments.map((segment) => [segment.key, segment.metrics.customers])), [segments]);
  const total = VALUE_COMPONENTS.reduce((sum, { id }) => sum + weights[id], 0);

  const choosePreset = (id: ValueScorePresetId) => {
    setWeights(VALUE_SCORE_PRESETS[id].weights);
    setPreset(id);
  };
  const setWeight = (id: ValueComponent, value: number) => {
    const next = { ...weights, [id]: value };
    setWeights(next);
    setPreset(matchingPreset(next));
  };

  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <section aria-labelledby="weights-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200 print:hidden">
        <h2 id="weights-heading" className="text-base font-semibold text-gray-900">
          Score weights
        </h2>
        <p className="mt-0.5 text-sm text-gray-500">
          {weightsNote} Pick a preset or move a slider to re-rank{saveAction ? '; save to make them the workspace’s.' : ' (for you only).'}
        </p>
        <div role="group" aria-label="Weight presets" className="mt-4 flex flex-wrap gap-2">
          {PRESETS.map((option) => (
            <button
              key={option.id}
              type="button"
              aria-pressed={preset === option.id}
              title={option.description}
              onClick={() => choosePreset(option.id)}
              className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${
                preset === option.id ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-gray-700 ring-gray-300 hover:bg-gray-50'
              }`}
            >
              {option.label}
            </button>
          ))}
          {preset === 'custom' && <span className="self-center text-sm text-gray-500">Custom</span>}
        </div>
        <div className="mt-5 space-y-4">
          {VALUE_COMPONENTS.map((component) => (
            <div key={component.id}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <label htmlFor={`weight-${component.id}`} className="font-medium text-gray-900">
                  {component.label}
                </label>
                <output htmlFor={`weight-${component.id}`} className="tabular-nums text-gray-600">
                  {weights[component.id]} · {formatPercent(total ? weights[component.id] / total : 0, 0)}
                </output>
              </div>
              <input
                id={`weight-${component.id}`}
                type="range"
                min={0}
                max={MAX_SLIDER}
                step={1}
                value={weights[component.id]}
                aria-describedby={`weight-${component.id}-measure`}
                onChange={(event) => setWeight(component.id, Number(event.target.value))}
                className="mt-1 w-full accent-indigo-600"
              />
              <p id={`weight-${component.id}-measure`} className="text-xs text-gray-500">
                {component.measure}
              </p>
            </div>
          ))}
        </div>
        {saveAction && <SaveWeightsForm action={saveAction} preset={preset} weights={weights} />}
      </section>

      <section aria-labelledby="ranking-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200 xl:col-span-2">
        <h2 id="ranking-heading" className="text-base font-semibold text-gray-900">
          Ranking
        </h2>
        <p className="mt-0.5 text-sm text-gray-500">
          Value score 0–100: each component’s percentile rank among these segments, weighted, then moved by the segment’s strategic weight.
        </p>
        {!scores ? (
          <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            Set at least one weight above 0 to score the segments.
          </p>
        ) : (
          <table className="mt-4 min-w-full text-sm" data-testid="ranking">
            <thead className="text-left text-gray-900">
              <tr>
                <th scope="col" className="py-2 pr-3 font-semibold">Rank</th>
                <th scope="col" className="py-2 pr-3 font-semibold">Segment</th>
                <th scope="col" className="py-2 pr-3 font-semibold">Score</th>
                <th scope="col" className="py-2 pr-3 font-semibold">Quadrant</th>
                <th scope="col" className="py-2 text-right font-semibold">Customers</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {ranked.map((score) => {
                const segment = byKey.get(score.segmentId)!;
                return (
                  <tr key={score.segmentId} data-segment={segment.name} data-rank={score.rank}>
                    <td className="py-2 pr-3 tabular-nums text-gray-700">{score.rank}</td>
                    <td className="py-2 pr-3">
                      <Link href={segment.href} className="font-medium text-indigo-700 hover:text-indigo-500">
                        {segment.name}
                      </Link>
                      <div className="text-xs text-gray-500">{segment.actionLabel}</div>
                    </td>
                    <td className="py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <span className="w-10 text-right font-semibold tabular-nums" data-score>
                          {score.score.toFixed(0)}
                        </span>
                        <span aria-hidden className="h-2 w-32 overflow-hidden rounded-full bg-gray-100">
                          <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${score.score}%` }} />
                        </span>
                      </div>
                    </td>
                    <td className="py-2 pr-3 text-gray-700">{VALUE_QUADRANTS[score.quadrant].label}</td>
                    <td className="py-2 text-right tabular-nums">{formatNumber(segment.metrics.customers)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {scores && (
        <>
          <section aria-labelledby="breakdown-heading" className="break-inside-avoid rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200 xl:col-span-2">
            <h2 id="breakdown-heading" className="mb-4 text-base font-semibold text-gray-900">
              Why each score
            </h2>
            <ScoreBreakdownChart scores={ranked} names={names} />
          </section>
          <section aria-labelledby="quadrant-heading" className="break-inside-avoid rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
            <h2 id="quadrant-heading" className="mb-4 text-base font-semibold text-gray-900">
              Value quadrant
            </h2>
            <ValueQuadrantChart scores={scores} names={names} customers={customers} />
          </section>
        </>
      )}
    </div>
  );
}

function SaveWeightsForm({ action, preset, weights }: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  preset: WeightsChoice;
  weights: ValueWeights;
}) {
  return (
    <ActionForm action={action} submitLabel="Save as workspace weights" variant="secondary" className="mt-5 flex flex-wrap items-center gap-3 border-t border-gray-100 pt-4">
      <input type="hidden" name="preset" value={preset} />
      {VALUE_COMPONENTS.map(({ id }) => (
        <input key={id} type="hidden" name={id} value={weights[id]} />
      ))}
    </ActionForm>
  );
}
