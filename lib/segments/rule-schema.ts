import { z } from 'zod';
import { isInvalid } from '@/lib/import/values';
import { parseDate } from '@/lib/import/dates';
import { OPERATORS_BY_TYPE, SEGMENT_FIELDS, SEGMENT_MEMBERSHIP_OPERATORS, isSegmentField, type FieldType, type SegmentFieldName } from './fields';

export const MAX_GROUP_DEPTH = 5;
export const MAX_CONDITIONS = 50;
export const MAX_LIST_ITEMS = 1000;
export const MAX_TEXT_LENGTH = 200;
export const MAX_DAYS = 36_500;
export const MAX_MIN_ORDERS = 100_000;
export const MAX_ATTRIBUTE_KEY_LENGTH = 64;
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z0-9_ .-]+$/;
// Raw JSON nesting allowed before zod walks the input: a depth-5 rule needs about 13 levels, and refusing
// deeper input first keeps a hostile, deeply nested payload from exhausting the stack.
const MAX_RAW_NESTING = 32;

export type NumberOperator = (typeof OPERATORS_BY_TYPE.number)[number];
export type TextOperator = (typeof OPERATORS_BY_TYPE.text)[number];
export type BooleanOperator = (typeof OPERATORS_BY_TYPE.boolean)[number];
export type DateOperator = (typeof OPERATORS_BY_TYPE.date)[number];

type ConditionOf<O extends string, V> = { kind: 'condition'; field: SegmentFieldName; operator: O; value: V };
/** A condition on a whitelisted field; dates are `YYYY-MM-DD`, day counts whole numbers, percentages in (0, 100]. */
export type SegmentCondition =
  | ConditionOf<Exclude<NumberOperator, 'between'>, number>
  | ConditionOf<'between', [number, number]>
  | ConditionOf<'eq' | 'neq' | 'contains', string>
  | ConditionOf<'in' | 'not_in', string[]>
  | ConditionOf<'within_last_days' | 'not_within_last_days', number>
  | ConditionOf<'before' | 'after', string>
  | ConditionOf<'is_empty' | BooleanOperator, null>;

type AttributeConditionOf<O extends TextOperator, V> = { kind: 'attribute'; key: string; operator: O; value: V };
/** A condition on one custom attribute, `c.attributes ->> key`, with the text operators. */
export type AttributeCondition =
  | AttributeConditionOf<'eq' | 'neq' | 'contains', string>
  | AttributeConditionOf<'in' | 'not_in', string[]>
  | AttributeConditionOf<'is_empty', null>;

/** At least `minOrders` orders matching every filter given; `withinDays` excludes `from`/`to`. */
export type OrderCondition = {
  kind: 'orders';
  minOrders: number;
  category?: string | null;
  withinDays?: number;
  from?: string;
  to?: string;
};

export type SegmentMembershipCondition = { kind: 'segment'; segmentId: number; operator: (typeof SEGMENT_MEMBERSHIP_OPERATORS)[number] };

export type SegmentLeaf = SegmentCondition | AttributeCondition | OrderCondition | SegmentMembershipCondition;
export type SegmentGroup = { kind: 'group'; combinator: 'and' | 'or'; children: SegmentRuleNode[] };
export type SegmentRuleNode = SegmentGroup | SegmentLeaf;
export type SegmentRule = { version: 1; root: SegmentGroup };

const finiteNumber = z.number({ error: 'must be a finite number' }).finite();
const shortText = z
  .string({ error: 'must be a string' })
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  // Postgres text cannot hold a NUL character; refuse it here rather than fail in the query.
  .refine((text) => !text.includes('\u0000'), 'must not contain a NUL character');
const noValue = z.null({ error: 'takes no value (omit it or use null)' }).optional().transform(() => null);

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
}
const days = wholeNumber(1, MAX_DAYS);
const percent = z
  .number({ error: 'must be a percentage above 0 and at most 100' })
  .gt(0, 'must be a percentage above 0 and at most 100')
  .max(100, 'must be a percentage above 0 and at most 100');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const calendarDate = z.string({ error: 'must be a date written YYYY-MM-DD' }).superRefine((text, ctx) => {
  if (!ISO_DATE.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'must be a date written YYYY-MM-DD' });
    return;
  }
  // The import's date scanner: a real calendar day, years 1900 to 2100.
  const parsed = parseDate(text, 'ymd');
  if (isInvalid(parsed)) ctx.addIssue({ code: 'custom', message: parsed.reason });
});

const VALUE_SCHEMAS: Record<string, z.ZodType> = {
  'number:between': z
    .tuple([finiteNumber, finiteNumber], { error: 'must be [min, max]' })
    .refine(([min, max]) => min <= max, 'min must not exceed max'),
  'number:top_percent': percent,
  'number:bottom_percent': percent,
  'text:in': z
    .array(shortText, { error: 'must be a list of strings' })
    .min(1, 'must list at least one value')
    .max(MAX_LIST_ITEMS, `must list at most ${MAX_LIST_ITEMS} values`),
  'text:is_empty': noValue,
  'boolean:is_true': noValue,
  'boolean:is_false': noValue,
  'date:within_last_days': days,
  'date:not_within_last_days': days,
  'date:before': calendarDate,
  'date:after': calendarDate,
  'date:is_empty': noValue,
};
VALUE_SCHEMAS['text:not_in'] = VALUE_SCHEMAS['text:in'];

function valueSchema(type: FieldType, operator: string): z.ZodType {
  return VALUE_SCHEMAS[`${type}:${operator}`] ?? (type === 'number' ? finiteNumber : shortText);
}

type Context = z.core.$RefinementCtx;
const quote = (text: string) => JSON.stringify(text.slice(0, 60));

/** Checks `operator` against the type's list and parses `value` for it; reports issues on `ctx` and returns NEVER. */
function operatorAndValue(type: FieldType, subject: string, input: { operator: string; value?: unknown }, ctx: Context) {
  const operators: readonly string[] = OPERATORS_BY_TYPE[type];
  if (!operators.includes(input.operator)) {
    ctx.addIssue({
      code: 'custom',
      path: ['operator'],
      message: `operator ${quote(input.operator)} is not allowed on ${subject} (use ${operators.join(', ')})`,
    });
    return z.NEVER;
  }
  const value = valueSchema(type, input.operator).safeParse(input.value);
  if (!value.success) {
    for (const issue of value.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
    return z.NEVER;
  }
  return { operator: input.operator, value: value.data };
}

const conditionSchema = z
  .object({ kind: z.literal('condition'), field: z.string(), operator: z.string(), value: z.unknown().optional() })
  .strict()
  .transform((input, ctx): SegmentCondition => {
    if (!isSegmentField(input.field)) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `unknown field ${quote(input.field)}` });
      return z.NEVER;
    }
    const type = SEGMENT_FIELDS[input.field].type;
    const checked = operatorAndValue(type, `${type} field ${input.field}`, input, ctx);
    return { kind: 'condition', field: input.field, ...checked } as SegmentCondition;
  });

const attributeConditionSchema = z
  .object({
    kind: z.literal('attribute'),
    key: z
      .string({ error: 'must be a string' })
      .min(1, `must be 1 to ${MAX_ATTRIBUTE_KEY_LENGTH} characters`)
      .max(MAX_ATTRIBUTE_KEY_LENGTH, `must be 1 to ${MAX_ATTRIBUTE_KEY_LENGTH} characters`)
      .regex(ATTRIBUTE_KEY_PATTERN, 'may hold only letters, digits, spaces, "_", "." and "-"'),
    operator: z.string(),
    value: z.unknown().optional(),
  })
  .strict()
  .transform((input, ctx): AttributeCondition => {
    const checked = operatorAndValue('text', 'attribute conditions', input, ctx);
    return { kind: 'attribute', key: input.key, ...checked } as AttributeCondition;
  });

const orderConditionSchema = z
  .object({
    kind: z.literal('orders'),
    minOrders: wholeNumber(1, MAX_MIN_ORDERS),
    category: shortText
      .refine((text) => text.trim() !== '', 'must not be blank (use null for orders of any category)')
      .nullable()
      .optional(),
    withinDays: days.optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.withinDays !== undefined && (input.from !== undefined || input.to !== undefined))
      ctx.addIssue({ code: 'custom', path: ['withinDays'], message: 'cannot be combined with from or to (use either the last N days or a date range)' });
    // ISO dates compare correctly as text.
    if (input.from !== undefined && input.to !== undefined && input.from > input.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

const segmentMembershipSchema = z
  .object({
    kind: z.literal('segment'),
    segmentId: z
      .number({ error: 'must be a segment id (a positive whole number)' })
      .int('must be a segment id (a positive whole number)')
      .positive('must be a segment id (a positive whole number)'),
    operator: z.enum(SEGMENT_MEMBERSHIP_OPERATORS, { error: 'must be "in" or "not_in"' }),
  })
  .strict();

const LEAF_SCHEMAS: Record<string, z.ZodType<SegmentLeaf>> = {
  condition: conditionSchema,
  attribute: attributeConditionSchema,
  orders: orderConditionSchema,
  segment: segmentMembershipSchema,
};

// Dispatches on `kind` so a bad condition reports its own error, not a vague "no union member matched".
const ruleNodeSchema: z.ZodType<SegmentRuleNode> = z.unknown().transform((node, ctx) => {
  const kind = typeof node === 'object' && node !== null ? (node as { kind?: unknown }).kind : undefined;
  const schema = kind === 'group' ? groupSchema : typeof kind === 'string' && Object.hasOwn(LEAF_SCHEMAS, kind) ? LEAF_SCHEMAS[kind] : null;
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: 'must be a group or a condition (kind "group", "condition", "attribute", "orders" or "segment")' });
    return z.NEVER;
  }
  const parsed = schema.safeParse(node);
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

/** Every non-group node counts: field, attribute, order and segment conditions alike. */
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
