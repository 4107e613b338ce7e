export const SEGMENT_COLORS = ['indigo', 'emerald', 'amber', 'rose', 'sky', 'violet', 'teal', 'orange', 'fuchsia', 'slate'] as const;
export type SegmentColor = (typeof SEGMENT_COLORS)[number];
