import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('lowercases, strips accents and joins words with dashes', () => {
    expect(slugify('Café Olé  Retail!')).toBe('cafe-ole-retail');
  });
  it('falls back to "workspace" when nothing usable is left', () => {
    expect(slugify('!!!')).toBe('workspace');
  });
  it('caps the length without a trailing dash', () => {
    const slug = slugify('a'.repeat(39) + ' bcd');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });
});
