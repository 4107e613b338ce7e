import { DEFAULT_SEGMENT_SCHEME, type SegmentRule } from '@/lib/models/rfm';
import type { FixtureOrder } from './workspace-fixture';

/** The default grid without the named segments. Tests only. */
export const defaultSchemeWithout = (...names: string[]): SegmentRule[] => DEFAULT_SEGMENT_SCHEME.filter((segment) => !names.includes(segment.name));

/** A valid custom scheme: Hibernating and About to Sleep merged into Dormant, Champions split by M. Tests only. */
export const CUSTOM_SCHEME: SegmentRule[] = [
  ...defaultSchemeWithout('Hibernating', 'About to Sleep', 'Champions'),
  { name: 'Dormant', recency: [1, 3], frequency: [1, 2] },
  { name: 'Big Champions', recency: [5, 5], frequency: [4, 5], monetary: [4, 5] },
  { name: 'Champions', recency: [5, 5], frequency: [4, 5], monetary: [1, 3] },
];

/** Dormant added without removing Hibernating and About to Sleep: both overlap it. Tests only. */
export const OVERLAPPING_SCHEME: SegmentRule[] = [...defaultSchemeWithout('Hibernating'), { name: 'Dormant', recency: [1, 3], frequency: [1, 2] }];

/** Orders of 240 customers with 1 to 8 purchase days over two years and varied amounts: every R, F and M score occurs. Tests only. */
export function ordersAcrossTheGrid(): FixtureOrder[] {
  const rows: FixtureOrder[] = [];
  for (let customer = 0; customer < 240; customer++) {
    const days = 1 + (customer % 8);
    const lastDay = (customer * 37) % 700;
    for (let purchase = 0; purchase < days; purchase++) {
      const date = new Date(Date.UTC(2024, 0, 1) + (lastDay - purchase * 9) * 86_400_000).toISOString().slice(0, 10);
      rows.push({ customerId: `c${customer}`, date, amount: 5 + ((customer * 13 + purchase * 7) % 90) });
    }
  }
  return rows;
}
