import { describe, expect, it } from 'vitest';
import { compareShortlex, OrderedKeys } from './ordered-keys';

function unique(keys: string[]): boolean {
  const watcher = new OrderedKeys();
  for (const key of keys) watcher.observe(key);
  return watcher.provenUnique;
}

describe('OrderedKeys', () => {
  it('proves ascending and descending IDs unique', () => {
    expect(unique(['O001', 'O002', 'O010'])).toBe(true);
    expect(unique(['#1003', '#1002', '#999', '#12'])).toBe(true);
    expect(unique([])).toBe(true);
    expect(unique(['only'])).toBe(true);
  });

  it('sorts unpadded numbers as numbers', () => {
    expect(compareShortlex('999', '1001')).toBe(-1);
    expect(compareShortlex('1001', '999')).toBe(1);
    expect(compareShortlex('abc', 'abc')).toBe(0);
    expect(unique(['8', '9', '10', '11'])).toBe(true);
  });

  it('gives up on a repeat, adjacent or not', () => {
    expect(unique(['A1', 'A1'])).toBe(false);
    expect(unique(['A1', 'A2', 'A1'])).toBe(false);
    expect(unique(['3', '2', '3'])).toBe(false);
  });

  it('gives up when the order changes direction, even without a repeat', () => {
    expect(unique(['A1', 'A3', 'A2'])).toBe(false);
    expect(unique(['B', 'A', 'C'])).toBe(false);
  });

  it('stays unproven once given up', () => {
    const watcher = new OrderedKeys();
    for (const key of ['1', '1', '2', '3']) watcher.observe(key);
    expect(watcher.provenUnique).toBe(false);
  });
});
