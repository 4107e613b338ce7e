'use client';

import { BarList } from '@tremor/react';

/** Ranked horizontal bars; values are money in `currency` when given, else counts. */
export function RankedBars({ items, currency, label }: { items: { name: string; value: number; href?: string }[]; currency?: string; label: string }) {
  const format = currency
    ? (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' }).format(v)
    : (v: number) => new Intl.NumberFormat('en-US').format(v);
  return (
    <figure aria-label={label} data-chart={label}>
      <BarList data={items} color="indigo" valueFormatter={format} />
    </figure>
  );
}
