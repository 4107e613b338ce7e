import { z } from 'zod';
import { OPERATORS_BY_TYPE, SEGMENT_FIELDS, isSegmentField, type SegmentFieldName } from './fields';

export const MAX_GROUP_DEPTH = 5;
export const MAX_CONDITIONS = 50;
export const MAX_LIST_ITEMS = 1000;
export const MAX_TEXT_LENGTH = 200;
// Raw JSON nesting allowed before zod walks the input: a depth-5 rule needs about 13 levels, and refusing
// deeper input first keeps a hostile, deeply nested payload from exhausting the stack.
const MAX_RAW_NESTING = 32;

export type NumberOperator = (typeof OPERATORS_BY_TYPE.number)[number];
export type TextOperator = (typeof OPERATORS_BY_TYPE.text)[number];
export type BooleanOperator = (typeof OPERATORS_BY_TYPE.boolean)[number];

type ConditionOf<O extends string, V> = { kind: 'condition'; field: SegmentFieldName; operator: O; value: V };
export type SegmentCondition =
  | ConditionOf<Exclude<NumberOperator, 'between'>, number>
  | ConditionOf<'between', [number, number]>
  | ConditionOf<'eq' | 'neq' | 'contains', string>
  | ConditionOf<'in' | 'not_in', string[]>
  | ConditionOf<'is_empty' | BooleanOperator, null>;
export type SegmentGroup = { kind: 'group'; combinator: 'and' | 'or'; children: (SegmentGroup | SegmentCondition)[] };
export type SegmentRule = { version: 1; root: SegmentGroup };

const finiteNumber = z.number({ error: 'must be a finite number' }).finite();
const shortText = z
  .string({ error: 'must be a string' })
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  // Postgres text cannot hold a NUL character; refuse it here rather than fail in the query.
  .refine((text) => !text.includes('\u0000'), 'must not contain a NUL character');
const noValue = z.null({ error: 'takes no value (omit it or use null)' }).optional().transform(() => null);

const VALUE_SCHEMAS: Record<string, z.ZodType> = {
  'number:between': z
    .tuple([finiteNumber, finiteNumber], { error: 'must be [min, max]' })
    .refine(([min, max]) => min <= max, 'min must not exceed max'),
  'text:in': z
    .array(shortText, { error: 'must be a list of strings' })
    .min(1, 'must list at least one value')
    .max(MAX_LIST_ITEMS, `must list at most ${MAX_LIST_ITEMS} values`),
  'text:is_empty': noValue,
  'boolean:is_true': noValue,
  'boolean:is_false': noValue,
};
VALUE_SCHEMAS['text:not_in'] = VALUE_SCHEMAS['text:in'];

function valueSchema(type: keyof typeof OPERATORS_BY_TYPE, operator: string): z.ZodType {
  return VALUE_SCHEMAS[`${type}:${operator}`] ?? (type === 'number' ? finiteNumber : shortText);
}

const conditionSchema = z
  .object({ kind: z.literal('condition'), field: z.string(), operator: z.string(), value: z.unknown().optional() })
  .strict()
  .transform((input, ctx): SegmentCondition => {
    if (!isSegmentField(input.field)) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `unknown field ${JSON.stringify(input.field.slice(0, 60))}` });
      return z.NEVER;
    }
    const type = SEGMENT_FIELDS[input.field].type;
    const operators: readonly string[] = OPERATORS_BY_TYPE[type];
    if (!operators.includes(input.operator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: `operator ${JSON.stringify(input.operator.slice(0, 60))} is not allowed on ${type} field ${input.field} (use ${operators.join(', ')})`,
      });
      return z.NEVER;
    }
    const value = valueSchema(type, input.operator).safeParse(input.value);
    if (!value.success) {
      for (const issue of value.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
      return z.NEVER;
    }
    return { kind: 'condition', field: input.field, operator: input.operator, value: value.data } as SegmentCondition;
  });

// Dispatches on `kind` so a bad condition reports its own error, not a vague "no union member matched".
const ruleNodeSchema: z.ZodType<SegmentGroup | SegmentCondition> = z.unknown().transform((node, ctx) => {
  const kind = typeof node === 'object' && node !== null ? (node as { kind?: unknown }).kind : undefined;
  if (kind !== 'group' && kind !== 'condition') {
    ctx.addIssue({ code: 'custom', message: 'must be a group or a condition (kind "group" or "condition")' });
    return z.NEVER;
  }
  const parsed = (kind === 'group' ? groupSchema : conditionSchema).safeParse(node);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

const groupSchema: z.ZodType<SegmentGroup> = z.lazy(() =>
  z
    .object({
      kind: z.literal('group'),
      combinator: z.enum(['and', 'or'], { error: 'must be "and" or "or"' }),
      children: z
        .array(ruleNodeSchema)
        .min(1, 'a group needs at least one condition or group')
        .max(MAX_CONDITIONS, `a group holds at most ${MAX_CONDITIONS} children`),
    })
    .strict(),
);

function groupDepth(group: SegmentGroup): number {
  return 1 + Math.max(0, ...group.children.map((child) => (child.kind === 'group' ? groupDepth(child) : 0)));
}

function conditionCount(group: SegmentGroup): number {
  return group.children.reduce((sum, child) => sum + (child.kind === 'group' ? conditionCount(child) : 1), 0);
}

export const segmentRuleSchema = z
  .object({ version: z.literal(1, { error: 'unsupported rule version (expected 1)' }), root: groupSchema })
  .strict()
  .superRefine((rule, ctx) => {
    if (groupDepth(rule.root) > MAX_GROUP_DEPTH)
      ctx.addIssue({ code: 'custom', path: ['root'], message: `groups may nest at most ${MAX_GROUP_DEPTH} levels deep` });
    if (conditionCount(rule.root) > MAX_CONDITIONS)
      ctx.addIssue({ code: 'custom', path: ['root'], message: `a rule holds at most ${MAX_CONDITIONS} conditions` });
  });

function rawNesting(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export type ParsedSegmentRule = { success: true; rule: SegmentRule } | { success: false; errors: string[] };

/** Validates untrusted rule JSON; errors read like `root.children.1.operator: operator "like" is not allowed …`. */
export function parseSegmentRule(json: unknown): ParsedSegmentRule {
  if (rawNesting(json, MAX_RAW_NESTING) > MAX_RAW_NESTING) return { success: false, errors: ['rule is nested too deeply'] };
  const parsed = segmentRuleSchema.safeParse(json);
  if (parsed.success) return { success: true, rule: parsed.data as SegmentRule };
  const errors = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message));
  return { success: false, errors: [...new Set(errors)] };
}
