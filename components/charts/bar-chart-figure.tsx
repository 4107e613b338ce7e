'use client';

import { BarChart } from '@tremor/react';

type ValueFormat = 'currency' | 'number' | 'decimal';

type Props = {
  data: Record<string, string | number>[];
  index: string;
  categories: string[];
  colors: string[];
  valueFormat: ValueFormat;
  currency?: string;
  stack?: boolean;
  label: string;
};

function formatterFor(valueFormat: ValueFormat, currency: string): (value: number) => string {
  if (valueFormat === 'currency') {
    return (v) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' }).format(v);
  }
  if (valueFormat === 'decimal') return (v) => v.toFixed(2);
  return (v) => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(v);
}

/** A Tremor bar chart in a labelled figure (tests find it by `data-chart`). */
export function BarChartFigure({ data, index, categories, colors, valueFormat, currency = 'USD', stack, label }: Props) {
  return (
    <figure aria-label={label} data-chart={label}>
      <BarChart
        className="h-72"
        data={data}
        index={index}
        categories={categories}
        colors={colors}
        stack={stack}
        valueFormatter={formatterFor(valueFormat, currency)}
        yAxisWidth={64}
        showAnimation={false}
      />
    </figure>
  );
}
