import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_SCHEME, type SegmentRule } from '@/lib/models/rfm';
import { CUSTOM_SCHEME, OVERLAPPING_SCHEME } from '@/lib/testing/rfm-schemes';
import { SchemeEditor } from './scheme-editor';
import { moveRow, newRow, setRangeEnd, toRows, toSegments } from './scheme-rows';

const render = (segments: readonly SegmentRule[] = DEFAULT_SEGMENT_SCHEME, canEdit = true) =>
  renderToStaticMarkup(createElement(SchemeEditor, { segments, canEdit, action: async () => ({}) }));

describe('the RFM segment editor', () => {
  it('labels every input and select, and gives every button a type', () => {
    const html = render(CUSTOM_SCHEME);
    const ids = [...html.matchAll(/<(?:input|select)[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    // A name and R, F from–to per segment; M from–to for the two segments limited by M.
    expect(ids.length).toBe(CUSTOM_SCHEME.length * 5 + 2 * 2);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
    for (const button of html.match(/<button[^>]*>/g) ?? []) expect(button).toMatch(/type="(button|submit)"/);
    expect(html).toContain('<legend class="sr-only">Segment 9: Big Champions</legend>');
    expect(html).toContain('Move Dormant up');
  });

  it('shows where M splits a cell, and that every cell belongs to exactly one segment', () => {
    const html = render(CUSTOM_SCHEME);
    expect(html).toMatch(/data-cell="R5F5" data-state="ok"[^>]*>.*Champions \(M 1–3\).*Big Champions \(M 4–5\).*split by M/);
    expect(html).toContain('Every R × F × M cell belongs to exactly one segment.');
  });

  it('flags overlapping cells with the segments involved', () => {
    const html = render(OVERLAPPING_SCHEME);
    expect(html).toMatch(/data-cell="R3F1" data-state="overlap"[^>]*><span[^>]*>Overlap: About to Sleep \+ Dormant/);
    expect(html).toContain('“About to Sleep” and “Dormant” both cover R 3 · F 1, R 3 · F 2.');
  });

  it('is read-only for members who are not admins', () => {
    const html = render(DEFAULT_SEGMENT_SCHEME, false);
    expect(html).toMatch(/<fieldset disabled=""/);
    expect(html).not.toContain('Save segments and recompute');
    expect(html).not.toContain('Remove');
  });
});

describe('editing scheme rows', () => {
  it('round-trips a scheme, keeping M ranges only where set', () => {
    expect(toSegments(toRows(CUSTOM_SCHEME))).toEqual(CUSTOM_SCHEME);
  });

  it('keeps ranges the right way up when one end passes the other', () => {
    const [row] = toRows([{ name: 'A', recency: [2, 3], frequency: [1, 5] }]);
    expect(setRangeEnd(row, 'recency', 0, 5).recency).toEqual([5, 5]);
    expect(setRangeEnd(row, 'recency', 1, 1).recency).toEqual([1, 1]);
    expect(setRangeEnd(row, 'frequency', 0, 2).frequency).toEqual([2, 5]);
    expect(setRangeEnd(row, 'monetary', 1, 3).monetary).toEqual([1, 3]);
  });

  it('adds uniquely named rows with fresh keys and moves rows within bounds', () => {
    const rows = toRows(DEFAULT_SEGMENT_SCHEME.slice(0, 2));
    const added = newRow([...rows, { ...newRow(rows), name: 'New segment 3' }]);
    expect(added).toMatchObject({ key: 3, name: 'New segment 4', recency: [1, 1], frequency: [1, 1], monetary: null });
    expect(moveRow(rows, 1, -1).map((row) => row.name)).toEqual(['At Risk', 'Hibernating']);
    expect(moveRow(rows, 0, -1)).toEqual(rows);
  });
});
