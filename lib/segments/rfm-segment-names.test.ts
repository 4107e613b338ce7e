import { describe, expect, it } from 'vitest';
import { unknownRfmSegmentErrors, unknownRfmSegments, unknownRfmSegmentWarnings } from './rfm-segment-names';
import type { SegmentRule } from './rule-schema';

const rule = (...children: unknown[]) => ({ version: 1, root: { kind: 'group', combinator: 'and', children } }) as SegmentRule;
const rfm = (operator: string, value: unknown) => ({ kind: 'condition', field: 'rfm_segment', operator, value });
const scheme = new Set(['Dormant', 'Champions']);

describe('RFM segment names in rules', () => {
  it('finds the names a scheme lacks under every naming operator, by the path of their condition', () => {
    const nested = rule(
      rfm('eq', 'Champions'),
      rfm('in', ['Dormant', 'Hibernating', 'At Risk', 'Hibernating']),
      { kind: 'group', combinator: 'or', children: [rfm('neq', 'Lost'), rfm('not_in', ['Champions'])] },
    );
    const unknown = unknownRfmSegments(nested, scheme);
    expect(unknown).toEqual([
      { location: 'root.children.1', names: ['Hibernating', 'At Risk'] },
      { location: 'root.children.2.children.0', names: ['Lost'] },
    ]);
    expect(unknownRfmSegmentErrors(unknown)).toEqual([
      'root.children.1.value: “Hibernating”, “At Risk” are not RFM segments of this workspace',
      'root.children.2.children.0.value: “Lost” is not an RFM segment of this workspace',
    ]);
  });

  it('leaves free-text operators and other fields alone', () => {
    const free = rule(rfm('contains', 'Sleep'), rfm('is_empty', null), { kind: 'condition', field: 'country', operator: 'eq', value: 'Lost' });
    expect(unknownRfmSegments(free, scheme)).toEqual([]);
  });

  it('warns once per saved rule that names a missing segment, not about static lists', () => {
    const warnings = unknownRfmSegmentWarnings(
      [
        { id: 1, rule: rule(rfm('eq', 'Hibernating')) },
        { id: 2, rule: rule(rfm('eq', 'Dormant')) },
        { id: 3, rule: null },
        { id: 4, rule: rule(rfm('in', ['At Risk']), rfm('neq', 'At Risk')) },
      ],
      scheme,
    );
    expect(warnings).toEqual([
      {
        kind: 'unknown_rfm_segment',
        segmentId: 1,
        names: ['Hibernating'],
        message: 'The rule names RFM segment “Hibernating”, which is not among the workspace’s RFM segments (any more): no customer is in it. Edit the rule to choose current segments.',
      },
      expect.objectContaining({ segmentId: 4, names: ['At Risk'] }),
    ]);
  });
});
