'use client';

import { BarChart } from '@tremor/react';

type Props = {
  data: Record<string, string | number>[];
  index: string;
  categories: string[];
  colors: string[];
  valueFormat: 'currency' | 'number';
  currency?: string;
  stack?: boolean;
  label: string;
};

export function MonthlyBarChart({ data, index, categories, colors, valueFormat, currency = 'USD', stack, label }: Props) {
  const formatter =
    valueFormat === 'currency'
      ? (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' }).format(v)
      : (v: number) => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(v);
  return (
    <figure aria-label={label} data-chart={label}>
      <BarChart
        className="h-72"
        data={data}
        index={index}
        categories={categories}
        colors={colors}
        stack={stack}
        valueFormatter={formatter}
        yAxisWidth={64}
        showAnimation={false}
      />
    </figure>
  );
}
