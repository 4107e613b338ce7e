import { describe, expect, it } from 'vitest';
import { customerListParams } from './list-params';

describe('customer list parameters', () => {
  it('defaults to the highest revenue first on page 1', () => {
    expect(customerListParams.parse({})).toEqual({
      q: undefined, sort: 'revenue', dir: 'desc', page: 1, r: undefined, f: undefined, segment: undefined,
    });
  });
  it('keeps valid values and replaces malformed ones', () => {
    expect(customerListParams.parse({ q: 'ann', sort: 'name', dir: 'asc', page: '3' })).toEqual({
      q: 'ann', sort: 'name', dir: 'asc', page: 3,
    });
    expect(customerListParams.parse({ sort: 'password_hash', dir: 'sideways', page: '-2' })).toMatchObject({
      sort: 'revenue', dir: 'desc', page: 1,
    });
  });
  it('reads an RFM cell or segment filter and drops out-of-range scores', () => {
    expect(customerListParams.parse({ r: '5', f: '4', segment: 'Champions' })).toMatchObject({ r: 5, f: 4, segment: 'Champions' });
    expect(customerListParams.parse({ r: '99', f: 'x' })).toMatchObject({ r: undefined, f: undefined });
  });
  it('takes the first of repeated parameters', () => {
    expect(customerListParams.parse({ page: ['2', '9'] }).page).toBe(2);
  });
});
