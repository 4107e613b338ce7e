'use client';

import { BarList } from '@tremor/react';

export function RankedBars({ items, currency, label }: { items: { name: string; value: number; href?: string }[]; currency: string; label: string }) {
  return (
    <figure aria-label={label} data-chart={label}>
      <BarList
        data={items}
        color="indigo"
        valueFormatter={(v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' }).format(v)}
      />
    </figure>
  );
}
