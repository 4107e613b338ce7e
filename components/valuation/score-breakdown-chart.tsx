'use client';

import { BarChart } from '@tremor/react';
import { VALUE_COMPONENTS } from '@/lib/valuation/value-score';
import type { SegmentValueScore } from '@/lib/valuation/value-score';

export const STRATEGIC_ADJUSTMENT = 'Strategic weight';
const COMPONENT_COLORS = ['indigo', 'sky', 'emerald', 'violet', 'amber', 'teal', 'rose'];

/**
 * Each segment's score as stacked bars: what every component contributed (weight × percentile), and what the
 * strategic weight added or took away. The bars of a segment add up to its score.
 */
export function ScoreBreakdownChart({ scores, names }: { scores: SegmentValueScore[]; names: Record<string, string> }) {
  const adjusted = scores.some((score) => Math.abs(score.strategicAdjustment) > 1e-9);
  const categories = [...VALUE_COMPONENTS.map((component) => component.label), ...(adjusted ? [STRATEGIC_ADJUSTMENT] : [])];
  const data = scores.map((score) => ({
    segment: names[score.segmentId] ?? score.segmentId,
    ...Object.fromEntries(score.breakdown.map((part, i) => [VALUE_COMPONENTS[i].label, Number(part.contribution.toFixed(1))])),
    ...(adjusted ? { [STRATEGIC_ADJUSTMENT]: Number(score.strategicAdjustment.toFixed(1)) } : {}),
  }));
  return (
    <figure aria-label="Value score breakdown" data-chart="Value score breakdown">
      <BarChart
        className="print:h-auto"
        style={{ height: `${Math.max(220, 44 * scores.length + 80)}px` }}
        data={data}
        index="segment"
        categories={categories}
        colors={[...COMPONENT_COLORS, 'gray']}
        layout="vertical"
        stack
        yAxisWidth={128}
        valueFormatter={(value) => value.toFixed(1)}
        showAnimation={false}
      />
      <figcaption className="mt-2 text-xs text-gray-500">
        Points each component adds to the 0–100 score: its weight × the segment’s percentile rank on it among the segments compared.
      </figcaption>
    </figure>
  );
}
