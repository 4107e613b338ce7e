import { describe, expect, it } from 'vitest';
import { allCells, DEFAULT_SEGMENT_SCHEME, matchingSegments, type SegmentRule } from '@/lib/models/rfm';
import { CUSTOM_SCHEME as CUSTOM, defaultSchemeWithout as withoutSegments, OVERLAPPING_SCHEME } from '@/lib/testing/rfm-schemes';
import {
  coverageProblems,
  describeSegmentRanges,
  formatScores,
  MAX_SCHEME_SEGMENTS,
  parseRfmScheme,
  rfmSchemeFormSchema,
  schemeCoverage,
  storedSegmentScheme,
} from './segment-scheme';

function messages(input: unknown): string[] {
  const parsed = parseRfmScheme(input);
  return parsed.success ? [] : parsed.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
}

describe('parseRfmScheme', () => {
  it('accepts the default grid and a custom scheme, each cell of the 5 × 5 × 5 cube in exactly one segment', () => {
    for (const scheme of [DEFAULT_SEGMENT_SCHEME, CUSTOM]) {
      const parsed = parseRfmScheme(JSON.parse(JSON.stringify(scheme)));
      expect(parsed).toEqual({ success: true, segments: scheme });
      for (const cell of allCells(5)) expect(matchingSegments(scheme, cell), JSON.stringify(cell)).toHaveLength(1);
    }
  });

  it('refuses a merge that leaves the old segment in place, naming both segments and the shared cells', () => {
    expect(messages(OVERLAPPING_SCHEME)).toEqual(['“About to Sleep” and “Dormant” both cover R 3 · F 1, R 3 · F 2.']);
  });

  it('names the cells no segment covers, with the M scores when only some are missing', () => {
    const gaps: SegmentRule[] = [
      ...withoutSegments('Champions', 'New Customers'),
      { name: 'Champions', recency: [5, 5], frequency: [4, 5], monetary: [3, 5] },
    ];
    expect(messages(gaps)).toEqual(['No segment covers R 5 · F 1, R 5 · F 4 (M 1–2), R 5 · F 5 (M 1–2).']);
  });

  it('lists three or more segments sharing cells in one sentence', () => {
    const scheme = [...DEFAULT_SEGMENT_SCHEME, { name: 'Everyone', recency: [1, 5], frequency: [1, 5] }, { name: 'Top M', recency: [5, 5], frequency: [5, 5], monetary: [5, 5] }];
    expect(messages(scheme)).toContain('“Champions”, “Everyone” and “Top M” all cover R 5 · F 5 (M 5).');
  });

  it('checks names and ranges of each segment, by its index', () => {
    const scheme = [
      { name: '  ', recency: [1, 5], frequency: [1, 5] },
      { name: 'Backwards', recency: [4, 2], frequency: [1, 5] },
      { name: 'Off the scale', recency: [0, 6], frequency: [1.5, 2] },
      { name: 'x'.repeat(61), recency: [1, 1], frequency: [1, 1], colour: 'red' },
      { name: 'Tab\tname', recency: [1, 1], frequency: [1, 1] },
    ];
    expect(messages(scheme)).toEqual([
      '0.name: Give every segment a name.',
      '1.recency: R: the lowest score is above the highest.',
      '2.recency.0: Scores are whole numbers from 1 to 5.',
      '2.recency.1: Scores are whole numbers from 1 to 5.',
      '2.frequency.0: Scores are whole numbers from 1 to 5.',
      '3.name: Keep segment names under 61 characters.',
      '3: Unrecognized key: "colour"',
      '4.name: Segment names cannot hold control characters.',
    ]);
  });

  it('refuses the same name twice, whatever its case', () => {
    const scheme = [...withoutSegments('Loyal'), { name: 'champions', recency: [3, 4], frequency: [4, 5] }];
    expect(messages(scheme)).toEqual(['9.name: “champions” is the name of an earlier segment: every segment needs its own name.']);
  });

  it('trims names and drops an absent M range', () => {
    const parsed = parseRfmScheme([{ name: ' Everyone ', recency: [1, 5], frequency: [1, 5], monetary: undefined }]);
    expect(parsed).toEqual({ success: true, segments: [{ name: 'Everyone', recency: [1, 5], frequency: [1, 5] }] });
  });

  it('refuses anything but a list of 1 to 125 segments', () => {
    expect(messages({})).toEqual(['The scheme must be a list of segments.']);
    expect(messages([])).toEqual(['Define at least one segment.']);
    const oneCellEach = allCells(5).map((cell, index) => ({
      name: `Cell ${index}`,
      recency: [cell.recency, cell.recency],
      frequency: [cell.frequency, cell.frequency],
      monetary: [cell.monetary, cell.monetary],
    }));
    expect(oneCellEach).toHaveLength(MAX_SCHEME_SEGMENTS);
    expect(parseRfmScheme(oneCellEach).success).toBe(true);
    expect(messages([...oneCellEach, oneCellEach[0]])).toEqual(['At most 125 segments (one per cell).']);
  });
});

describe('the settings form', () => {
  it('reads the segments from JSON and reports problems under scheme and scheme.<index>.<field>', () => {
    expect(rfmSchemeFormSchema.parse({ scheme: JSON.stringify(CUSTOM) })).toEqual({ scheme: CUSTOM });
    const broken = [{ name: '', recency: [1, 5], frequency: [1, 5] }, { name: 'Also everyone', recency: [1, 5], frequency: [1, 5] }];
    const named = rfmSchemeFormSchema.safeParse({ scheme: JSON.stringify(broken) });
    expect(named.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['scheme.0.name', 'Give every segment a name.']]);
    const overlapping = rfmSchemeFormSchema.safeParse({ scheme: JSON.stringify(broken.map((segment, i) => ({ ...segment, name: `S${i}` }))) });
    expect(overlapping.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['scheme']);
    expect(overlapping.error?.issues[0].message).toMatch(/^“S0” and “S1” both cover R 5 · F 1, /);
    expect(rfmSchemeFormSchema.safeParse({ scheme: '[{' }).error?.issues[0].message).toBe('The segments could not be read.');
    expect(rfmSchemeFormSchema.safeParse({}).error?.issues[0].message).toBe('The segments are missing.');
  });
});

describe('storedSegmentScheme', () => {
  it('is the default grid when nothing, something invalid or the default itself is stored', () => {
    const fallback = { segments: DEFAULT_SEGMENT_SCHEME, isDefault: true };
    expect(storedSegmentScheme(null)).toEqual(fallback);
    expect(storedSegmentScheme(undefined)).toEqual(fallback);
    expect(storedSegmentScheme('Champions')).toEqual(fallback);
    expect(storedSegmentScheme([{ name: 'Half', recency: [1, 2], frequency: [1, 5] }])).toEqual(fallback);
    expect(storedSegmentScheme(JSON.parse(JSON.stringify(DEFAULT_SEGMENT_SCHEME)))).toEqual(fallback);
  });

  it('is the stored scheme when it validates', () => {
    expect(storedSegmentScheme(JSON.parse(JSON.stringify(CUSTOM)))).toEqual({ segments: CUSTOM, isDefault: false });
  });
});

describe('schemeCoverage', () => {
  it('lays out the 25 R × F cells from R 5 down, saying which are split by M', () => {
    const cells = schemeCoverage(CUSTOM);
    expect(cells).toHaveLength(25);
    expect(cells.map((cell) => `${cell.recency}${cell.frequency}`).slice(0, 6)).toEqual(['51', '52', '53', '54', '55', '41']);
    expect(cells.find((cell) => cell.recency === 5 && cell.frequency === 5)).toEqual({
      recency: 5,
      frequency: 5,
      segments: ['Champions', 'Big Champions'],
      uncovered: [],
      overlapping: [],
      splitByMonetary: true,
      byMonetary: [
        { segment: 'Champions', monetary: [1, 2, 3] },
        { segment: 'Big Champions', monetary: [4, 5] },
      ],
    });
    expect(cells.find((cell) => cell.recency === 3 && cell.frequency === 1)).toMatchObject({ segments: ['Dormant'], splitByMonetary: false });
  });

  it('marks uncovered and overlapping M scores of a cell', () => {
    const scheme: SegmentRule[] = [
      { name: 'Low M', recency: [1, 5], frequency: [1, 5], monetary: [1, 2] },
      { name: 'Mid M', recency: [1, 5], frequency: [1, 5], monetary: [2, 3] },
    ];
    expect(schemeCoverage(scheme)[0]).toMatchObject({
      uncovered: [4, 5],
      overlapping: [{ monetary: [2], segments: ['Low M', 'Mid M'] }],
      splitByMonetary: true,
    });
    expect(coverageProblems(scheme)[0]).toMatch(/^No segment covers R 5 · F 1 \(M 4–5\), /);
  });
});

describe('formatting', () => {
  it('writes score lists as runs and segments as their ranges', () => {
    expect(formatScores([1, 2, 3, 5])).toBe('1–3, 5');
    expect(formatScores([2])).toBe('2');
    expect(describeSegmentRanges(DEFAULT_SEGMENT_SCHEME.find((segment) => segment.name === 'Champions')!)).toBe('R 5 · F 4–5');
    expect(describeSegmentRanges(CUSTOM.at(-2)!)).toBe('R 5 · F 4–5 · M 4–5');
  });
});
