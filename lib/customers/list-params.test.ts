import { describe, expect, it } from 'vitest';
import { customerListParams } from './list-params';

describe('customer list parameters', () => {
  it('defaults to the highest revenue first on page 1', () => {
    expect(customerListParams.parse({})).toEqual({ q: undefined, sort: 'revenue', dir: 'desc', page: 1 });
  });
  it('keeps valid values and replaces malformed ones', () => {
    expect(customerListParams.parse({ q: 'ann', sort: 'name', dir: 'asc', page: '3' })).toEqual({
      q: 'ann', sort: 'name', dir: 'asc', page: 3,
    });
    expect(customerListParams.parse({ sort: 'password_hash', dir: 'sideways', page: '-2' })).toMatchObject({
      sort: 'revenue', dir: 'desc', page: 1,
    });
  });
  it('takes the first of repeated parameters', () => {
    expect(customerListParams.parse({ page: ['2', '9'] }).page).toBe(2);
  });
});
