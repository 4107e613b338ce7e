import { describe, expect, it } from 'vitest';
import { overlapRatio, segmentWarnings } from './segment-warnings';

describe('segment warnings', () => {
  it('measures overlap against the smaller segment', () => {
    expect(overlapRatio(40, 50, 200)).toBe(0.8);
    expect(overlapRatio(0, 0, 10)).toBe(0);
  });

  it('flags segments under 50 customers or under 1 % of the workspace, not those at the limits', () => {
    const sizes = [
      { id: 1, name: 'Forty-nine', customers: 49 },
      { id: 2, name: 'Fifty', customers: 50 },
      { id: 3, name: 'Half a percent', customers: 60 },
      { id: 4, name: 'One percent', customers: 100 },
    ];
    // 60 / 10,000 = 0.6 % < 1 %; 100 / 10,000 = exactly 1 %, allowed; 50 customers is allowed but 49 is not.
    const warnings = segmentWarnings(sizes, 10_000, []);
    expect(warnings.map((w) => w.segmentId)).toEqual([1, 2, 3]);
    expect(warnings[0].message).toContain('Only 49 customers (0.5 %)');
    expect(segmentWarnings(sizes, 5_000, []).map((w) => w.segmentId)).toEqual([1]);
  });

  it('flags pairs overlapping over 80 % once, on the smaller segment', () => {
    const sizes = [
      { id: 1, name: 'VIP', customers: 100 },
      { id: 2, name: 'High spenders', customers: 300 },
      { id: 3, name: 'Germany', customers: 500 },
    ];
    const warnings = segmentWarnings(sizes, 1_000, [
      { a: 1, b: 2, shared: 81 },
      { a: 1, b: 3, shared: 80 },
      { a: 2, b: 3, shared: 100 },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ kind: 'overlap', segmentId: 1, otherId: 2, overlap: 0.81, message: expect.stringContaining('81 % of “VIP” is also in “High spenders”') }),
    ]);
  });

  it('says nothing about an empty workspace', () => {
    expect(segmentWarnings([{ id: 1, name: 'A', customers: 0 }], 0, [])).toEqual([]);
  });
});
