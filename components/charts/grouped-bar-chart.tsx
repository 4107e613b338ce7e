'use client';

import { BarChart } from '@tremor/react';

type Props = { data: Record<string, string | number>[]; index: string; categories: string[]; colors: string[]; label: string; decimals?: number };

export function GroupedBarChart({ data, index, categories, colors, label, decimals = 2 }: Props) {
  return (
    <figure aria-label={label} data-chart={label}>
      <BarChart
        className="h-72"
        data={data}
        index={index}
        categories={categories}
        colors={colors}
        valueFormatter={(v: number) => v.toFixed(decimals)}
        yAxisWidth={48}
        showAnimation={false}
      />
    </figure>
  );
}
