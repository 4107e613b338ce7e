import { describe, expect, it } from 'vitest';
import { idParam } from './id-param';

describe('idParam', () => {
  it('accepts positive whole numbers up to 15 digits', () => {
    expect(idParam('1')).toBe(1);
    expect(idParam('999999999999999')).toBe(999_999_999_999_999);
  });

  it('refuses anything else', () => {
    for (const value of ['0', '-1', '01', '1.5', '1e3', ' 1', 'abc', '', '1000000000000000']) expect(idParam(value), value).toBeNull();
  });
});
