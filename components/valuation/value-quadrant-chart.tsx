'use client';

import { ScatterChart } from '@tremor/react';
import type { CustomTooltipProps } from '@tremor/react';
import { VALUE_QUADRANTS, type SegmentValueScore, type ValueQuadrant } from '@/lib/valuation/value-score';

type Point = { Segment: string; 'Current value': number; 'Future value': number; Customers: number; Quadrant: string };

// Percentile ranks always reach 0 and 100: pad the axes so the bubbles there are not cut in half.
const AXIS_PADDING = 10;
const percentileTick = (value: number) => (value < 0 || value > 100 ? '' : value.toFixed(0));

const QUADRANT_ORDER: ValueQuadrant[] = ['stars', 'cash-cows', 'rising', 'low-priority'];
const QUADRANT_COLORS: Record<ValueQuadrant, string> = { stars: 'emerald', 'cash-cows': 'amber', rising: 'sky', 'low-priority': 'gray' };

function PointTooltip({ payload, active }: CustomTooltipProps) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow ring-1 ring-gray-200">
      <p className="font-semibold text-gray-900">{point.Segment}</p>
      <p className="text-gray-600">{point.Quadrant}</p>
      <p className="text-gray-600">
        Current value {point['Current value'].toFixed(0)} · future value {point['Future value'].toFixed(0)} (percentiles)
      </p>
      <p className="text-gray-600">{new Intl.NumberFormat('en-US').format(point.Customers)} customers</p>
    </div>
  );
}

/** Current value (last-12-month revenue) against future value (predicted CLV), as percentile ranks: 50 splits the quadrants. */
export function ValueQuadrantChart({ scores, names, customers }: {
  scores: SegmentValueScore[];
  names: Record<string, string>;
  customers: Record<string, number>;
}) {
  const present = new Set(scores.map((score) => score.quadrant));
  const order = QUADRANT_ORDER.filter((quadrant) => present.has(quadrant));
  const data: Point[] = order.flatMap((quadrant) =>
    scores
      .filter((score) => score.quadrant === quadrant)
      .map((score) => ({
        Segment: names[score.segmentId] ?? score.segmentId,
        'Current value': score.breakdown.find((part) => part.component === 'currentValue')!.normalised,
        'Future value': score.breakdown.find((part) => part.component === 'futureValue')!.normalised,
        Customers: customers[score.segmentId] ?? 0,
        Quadrant: VALUE_QUADRANTS[quadrant].label,
      })),
  );
  return (
    <figure aria-label="Value quadrant" data-chart="Value quadrant">
      <ScatterChart
        className="h-80"
        data={data}
        category="Quadrant"
        x="Current value"
        y="Future value"
        size="Customers"
        sizeRange={[80, 1200]}
        colors={order.map((quadrant) => QUADRANT_COLORS[quadrant])}
        minXValue={-AXIS_PADDING}
        maxXValue={100 + AXIS_PADDING}
        minYValue={-AXIS_PADDING}
        maxYValue={100 + AXIS_PADDING}
        valueFormatter={{ x: percentileTick, y: percentileTick }}
        xAxisLabel="Current value (percentile)"
        yAxisLabel="Future value (percentile)"
        customTooltip={PointTooltip}
        showOpacity
        showAnimation={false}
      />
      <figcaption className="mt-6 text-xs text-gray-500">
        {order.map((quadrant) => `${VALUE_QUADRANTS[quadrant].label}: ${VALUE_QUADRANTS[quadrant].description.toLowerCase()}`).join(' · ')}.
        Bubble size: customers.
      </figcaption>
    </figure>
  );
}
