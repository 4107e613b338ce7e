import { describe, expect, it } from 'vitest';
import { ascendingOrder } from './value-columns';

describe('ascendingOrder', () => {
  it('lists the rows by ascending id, whether or not they arrive sorted', () => {
    expect(Array.from(ascendingOrder(Float64Array.of(3, 8, 12)))).toEqual([0, 1, 2]);
    expect(Array.from(ascendingOrder(Float64Array.of(12, 3, 8)))).toEqual([1, 2, 0]);
    expect(Array.from(ascendingOrder(new Float64Array(0)))).toEqual([]);
  });
});
