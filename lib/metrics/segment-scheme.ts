import { z } from 'zod';
import { DEFAULT_SEGMENT_SCHEME, matchingSegments, validateSegmentScheme, type SegmentRule } from '@/lib/models/rfm';

/** Segments are defined on the 5-point grid whatever the workspace's score bins (lib/models/rfm.ts toFivePointScale). */
export const SCHEME_SCALE = 5;
export const SCHEME_SCORES = [1, 2, 3, 4, 5] as const;
export const MAX_SEGMENT_NAME_LENGTH = 60;
/** One segment per (R, F, M) cell: with more, two would always overlap. */
export const MAX_SCHEME_SEGMENTS = SCHEME_SCALE ** 3;

export type SegmentScheme = { segments: readonly SegmentRule[]; isDefault: boolean };

export const rfmSegmentNameSchema = z
  .string({ error: 'Give every segment a name.' })
  .trim()
  .min(1, 'Give every segment a name.')
  .max(MAX_SEGMENT_NAME_LENGTH, `Keep segment names under ${MAX_SEGMENT_NAME_LENGTH + 1} characters.`)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'Segment names cannot hold control characters.');

const score = z
  .number({ error: `Scores are whole numbers from 1 to ${SCHEME_SCALE}.` })
  .int(`Scores are whole numbers from 1 to ${SCHEME_SCALE}.`)
  .min(1, `Scores are whole numbers from 1 to ${SCHEME_SCALE}.`)
  .max(SCHEME_SCALE, `Scores are whole numbers from 1 to ${SCHEME_SCALE}.`);

const scoreRange = (axis: 'R' | 'F' | 'M') =>
  z
    .tuple([score, score], { error: `${axis} needs a lowest and a highest score.` })
    .refine(([min, max]) => min <= max, `${axis}: the lowest score is above the highest.`);

const rfmSegmentSchema = z
  .object({ name: rfmSegmentNameSchema, recency: scoreRange('R'), frequency: scoreRange('F'), monetary: scoreRange('M').optional() })
  .strict();

const rfmSegmentListSchema = z
  .array(rfmSegmentSchema, { error: 'The scheme must be a list of segments.' })
  .min(1, 'Define at least one segment.')
  .max(MAX_SCHEME_SEGMENTS, `At most ${MAX_SCHEME_SEGMENTS} segments (one per cell).`);

export type SchemeIssue = { path: (string | number)[]; message: string };
export type ParsedScheme = { success: true; segments: SegmentRule[] } | { success: false; issues: SchemeIssue[] };

/**
 * Parses a scheme and proves every (R, F, M) cell of the 5-point grid falls in exactly one segment: the one check
 * behind the editor's live feedback, the save action and the stored scheme the recompute reads.
 */
export function parseRfmScheme(input: unknown): ParsedScheme {
  const parsed = rfmSegmentListSchema.safeParse(input);
  if (!parsed.success) return { success: false, issues: parsed.error.issues.map(({ path, message }) => ({ path: path as (string | number)[], message })) };
  const segments = parsed.data.map(({ monetary, ...rule }) => (monetary ? { ...rule, monetary } : rule));
  const issues: SchemeIssue[] = duplicateNames(segments).map((index) => ({
    path: [index, 'name'],
    message: `“${segments[index].name}” is the name of an earlier segment: every segment needs its own name.`,
  }));
  issues.push(...coverageProblems(segments).map((message) => ({ path: [], message })));
  return issues.length ? { success: false, issues } : { success: true, segments };
}

/** The settings form: the editor sends the segments as JSON; errors come back as `scheme` and `scheme.<index>.<field>`. */
export const rfmSchemeFormSchema = z.object({
  scheme: z.string({ error: 'The segments are missing.' }).transform((text, ctx): SegmentRule[] => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The segments could not be read.' });
      return z.NEVER;
    }
    const parsed = parseRfmScheme(json);
    if (parsed.success) return parsed.segments;
    for (const issue of parsed.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }),
});

/** The scheme a workspace stored, or the default grid when it stored none or what it stored no longer validates. */
export function storedSegmentScheme(stored: unknown): SegmentScheme {
  if (stored == null) return { segments: DEFAULT_SEGMENT_SCHEME, isDefault: true };
  const parsed = parseRfmScheme(stored);
  return parsed.success && !isDefaultScheme(parsed.segments)
    ? { segments: parsed.segments, isDefault: false }
    : { segments: DEFAULT_SEGMENT_SCHEME, isDefault: true };
}

export function isDefaultScheme(segments: readonly SegmentRule[]): boolean {
  return JSON.stringify(segments) === JSON.stringify(DEFAULT_SEGMENT_SCHEME);
}

/** The scheme's segment names, in its order. */
export function schemeSegmentNames(segments: readonly SegmentRule[]): string[] {
  return segments.map((segment) => segment.name);
}

/** Indexes of segments whose name (ignoring case) an earlier segment already has. */
function duplicateNames(segments: readonly SegmentRule[]): number[] {
  const seen = new Set<string>();
  return segments.flatMap((segment, index) => {
    const key = segment.name.toLocaleLowerCase('en-US');
    if (seen.has(key)) return [index];
    seen.add(key);
    return [];
  });
}

/** `[1, 2, 3, 5]` → `1–3, 5`. */
export function formatScores(scores: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < scores.length; i++) {
    let j = i;
    while (j + 1 < scores.length && scores[j + 1] === scores[j] + 1) j++;
    runs.push(j === i ? String(scores[i]) : `${scores[i]}–${scores[j]}`);
    i = j;
  }
  return runs.join(', ');
}

/** `R 5 · F 4–5`, with `· M 1–2` when the segment limits M. */
export function describeSegmentRanges(segment: SegmentRule): string {
  const range = ([min, max]: readonly [number, number]) => (min === max ? String(min) : `${min}–${max}`);
  const parts = [`R ${range(segment.recency)}`, `F ${range(segment.frequency)}`];
  if (segment.monetary) parts.push(`M ${range(segment.monetary)}`);
  return parts.join(' · ');
}

/** One R × F cell of the 5-point grid: the segment(s) of each M score within it. */
export type CoverageCell = {
  recency: number;
  frequency: number;
  /** Segment names of the cell across every M, by their lowest M score. */
  segments: string[];
  /** M scores no segment contains. */
  uncovered: number[];
  /** M scores two or more segments contain, with those segments. */
  overlapping: { monetary: number[]; segments: string[] }[];
  /** True when different M scores of the cell belong to different segments. */
  splitByMonetary: boolean;
  /** Each segment of the cell with the M scores it holds there. */
  byMonetary: { segment: string; monetary: number[] }[];
};

/** The 25 R × F cells, R = 5 first (the top row of the grid), then F ascending. */
export function schemeCoverage(segments: readonly SegmentRule[]): CoverageCell[] {
  const cells: CoverageCell[] = [];
  for (const recency of [...SCHEME_SCORES].reverse()) {
    for (const frequency of SCHEME_SCORES) {
      // matches[m - 1]: the segments containing (recency, frequency, m).
      const matches = SCHEME_SCORES.map((monetary) => matchingSegments(segments, { recency, frequency, monetary }));
      const scoresWhere = (test: (names: string[]) => boolean) => SCHEME_SCORES.filter((_, index) => test(matches[index]));
      const names = [...new Set(matches.flat())];
      const overlapSets = [...new Set(matches.filter((found) => found.length > 1).map((found) => JSON.stringify(found)))];
      cells.push({
        recency,
        frequency,
        segments: names,
        uncovered: scoresWhere((found) => found.length === 0),
        overlapping: overlapSets.map((key) => ({ monetary: scoresWhere((found) => JSON.stringify(found) === key), segments: JSON.parse(key) })),
        splitByMonetary: new Set(matches.map((found) => JSON.stringify(found))).size > 1,
        byMonetary: names.map((segment) => ({ segment, monetary: scoresWhere((found) => found.includes(segment)) })),
      });
    }
  }
  return cells;
}

function cellLabel(cell: Pick<CoverageCell, 'recency' | 'frequency'>, monetary: readonly number[]): string {
  const label = `R ${cell.recency} · F ${cell.frequency}`;
  return monetary.length === SCHEME_SCALE ? label : `${label} (M ${formatScores(monetary)})`;
}

function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * What keeps the scheme from putting every cell in exactly one segment, one sentence per problem: the cells no
 * segment covers, then for each set of overlapping segments the cells they share.
 */
export function coverageProblems(segments: readonly SegmentRule[]): string[] {
  const validation = validateSegmentScheme(segments, SCHEME_SCALE);
  if (validation.valid) return [];
  const problems = validation.invalidRanges.map((range) => `${range} is not a range of scores from 1 to ${SCHEME_SCALE}.`);
  const cells = schemeCoverage(segments);
  const uncovered = cells.filter((cell) => cell.uncovered.length > 0).map((cell) => cellLabel(cell, cell.uncovered));
  if (uncovered.length) problems.push(`No segment covers ${uncovered.join(', ')}.`);
  const overlaps = new Map<string, { names: string[]; cells: string[] }>();
  for (const cell of cells) {
    for (const overlap of cell.overlapping) {
      const key = JSON.stringify(overlap.segments);
      const entry = overlaps.get(key) ?? { names: overlap.segments, cells: [] };
      entry.cells.push(cellLabel(cell, overlap.monetary));
      overlaps.set(key, entry);
    }
  }
  for (const { names, cells } of overlaps.values()) {
    problems.push(`${listNames(names)} ${names.length === 2 ? 'both' : 'all'} cover ${cells.join(', ')}.`);
  }
  return problems;
}
