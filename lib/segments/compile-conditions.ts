import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '@/lib/db/like';
import { SEGMENT_FIELDS } from './fields';
import type { AttributeCondition, OrderCondition, SegmentCondition, SegmentLeaf, SegmentMembershipCondition } from './rule-schema';

/*
 * Each leaf of a rule compiles to a boolean SQL expression over `c` (customers) and `m` (customer_metrics, left
 * joined) that is never NULL. NULL semantics: a condition never matches a customer whose value is unknown (NULL),
 * whatever the operator, except `is_empty`, which matches NULL and blank text. So `country neq 'DE'` and
 * `country not_in ['DE']` leave out customers without a country, `not_within_last_days` leaves out customers
 * without a date, and metric conditions leave out customers without a metrics row. Text `eq`/`in` compare exactly
 * (case-sensitive); `contains` is a case-insensitive substring match. Dates: `within_last_days N` is "on or after
 * current_date - N" (so today and future dates count), `not_within_last_days N` is its complement among known
 * dates, `before`/`after` are strict.
 */

const COMPARISONS = { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;
export const CUSTOMERS_WITH_METRICS = sql`customers c left join customer_metrics m on m.org_id = c.org_id and m.customer_id = c.id`;

const number = (value: number) => sql`${value}::double precision`;
const text = (value: string) => sql`${value}::text`;
const date = (value: string) => sql`${value}::date`;
const days = (value: number) => sql`${value}::int`;

type DistributivePick<T, K extends keyof T> = T extends unknown ? Pick<T, K> : never;
type TextComparison = DistributivePick<AttributeCondition, 'operator' | 'value'>;

function compileText(column: SQL, { operator, value }: TextComparison): SQL {
  switch (operator) {
    case 'eq':
    case 'neq':
      return sql`coalesce(${column} ${sql.raw(COMPARISONS[operator])} ${text(value)}, false)`;
    case 'in':
      return sql`coalesce(${column} = any(${sql.param(value)}::text[]), false)`;
    case 'not_in':
      return sql`coalesce(${column} <> all(${sql.param(value)}::text[]), false)`;
    case 'contains':
      return sql`coalesce(${column} ilike ${containsPattern(value)}::text, false)`;
    case 'is_empty':
      return sql`(${column} is null or btrim(${column}) = '')`;
  }
}

/**
 * Top/bottom N % of the org's customers with a known value, ranked in one uncorrelated subquery (computed once).
 * Ties share a rank, so a tie straddling the cut is included whole: a customer qualifies when fewer than N % of the
 * ranked customers are strictly ahead of them (the best customer always qualifies).
 */
function compileRankShare(column: SQL, direction: 'desc' | 'asc', percent: number, orgId: string): SQL {
  // The subquery's own `c` and `m` shadow the outer ones, so the field's column SQL ranks the inner rows.
  return sql`c.id in (
    select ranked.id from (
      select c.id, rank() over (order by ${column} ${sql.raw(direction)}) as position, count(*) over () as ranked_customers
      from ${CUSTOMERS_WITH_METRICS}
      where c.org_id = ${orgId} and ${column} is not null
    ) ranked
    where 100 * (ranked.position - 1) < ${percent}::numeric * ranked.ranked_customers)`;
}

function compileFieldCondition(condition: SegmentCondition, orgId: string): SQL {
  const field = SEGMENT_FIELDS[condition.field];
  // The only raw SQL: a whitelist entry chosen by a validated key. Every user value below is a bound parameter.
  const column = sql.raw(field.column);
  switch (condition.operator) {
    case 'eq':
    case 'neq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (typeof condition.value !== 'number') return compileText(column, condition as TextComparison);
      return sql`coalesce(${column} ${sql.raw(COMPARISONS[condition.operator])} ${number(condition.value)}, false)`;
    case 'between':
      return sql`coalesce(${column} between ${number(condition.value[0])} and ${number(condition.value[1])}, false)`;
    case 'top_percent':
      return compileRankShare(column, 'desc', condition.value, orgId);
    case 'bottom_percent':
      return compileRankShare(column, 'asc', condition.value, orgId);
    case 'in':
    case 'not_in':
    case 'contains':
      return compileText(column, condition);
    case 'is_empty':
      return field.type === 'text' ? compileText(column, { operator: 'is_empty', value: null }) : sql`(${column} is null)`;
    case 'is_true':
      return sql`(${column} is true)`;
    case 'is_false':
      return sql`(${column} is false)`;
    case 'within_last_days':
      return sql`coalesce(${column} >= current_date - ${days(condition.value)}, false)`;
    case 'not_within_last_days':
      return sql`coalesce(${column} < current_date - ${days(condition.value)}, false)`;
    case 'before':
      return sql`coalesce(${column} < ${date(condition.value)}, false)`;
    case 'after':
      return sql`coalesce(${column} > ${date(condition.value)}, false)`;
  }
}

function compileAttributeCondition(condition: AttributeCondition): SQL {
  // The key is a bound parameter too: `->>` takes any text expression.
  return compileText(sql`(c.attributes ->> ${text(condition.key)})`, condition);
}

/**
 * At least N matching orders. `afterCheaperConditions`: the condition runs only for the customers an AND's cheaper
 * conditions let through (see compileGroup), so count per customer through the index on (org_id, customer_id,
 * ordered_at), stopping at N. Otherwise it decides for every customer: find them all in one grouped scan of the
 * org's orders (an uncorrelated, hashed subplan computed once).
 */
function compileOrderCondition(condition: OrderCondition, orgId: string, afterCheaperConditions: boolean): SQL {
  const filters: SQL[] = [];
  if (condition.category != null) filters.push(sql`lower(o.product_category) = lower(${text(condition.category)})`);
  if (condition.withinDays !== undefined) filters.push(sql`o.ordered_at >= now() - ${days(condition.withinDays)} * interval '1 day'`);
  // Calendar days are UTC days; `to` is inclusive.
  if (condition.from !== undefined) filters.push(sql`o.ordered_at >= ${date(condition.from)}::timestamp at time zone 'UTC'`);
  if (condition.to !== undefined) filters.push(sql`o.ordered_at < (${date(condition.to)} + 1)::timestamp at time zone 'UTC'`);
  const minOrders = sql`${condition.minOrders}::int`;
  if (afterCheaperConditions) {
    const where = sql.join([sql`o.org_id = c.org_id`, sql`o.customer_id = c.id`, ...filters], sql` and `);
    return sql`((select count(*) from (select 1 from orders o where ${where} limit ${minOrders}) counted) >= ${minOrders})`;
  }
  const where = sql.join([sql`o.org_id = ${orgId}`, ...filters], sql` and `);
  return sql`c.id in (select o.customer_id from orders o where ${where} group by o.customer_id having count(*) >= ${minOrders})`;
}

function compileSegmentMembership(condition: SegmentMembershipCondition): SQL {
  const member = sql`exists (select 1 from segment_members sm
    where sm.org_id = c.org_id and sm.segment_id = ${condition.segmentId}::bigint and sm.customer_id = c.id)`;
  return condition.operator === 'in' ? sql`(${member})` : sql`(not ${member})`;
}

export function compileLeaf(node: SegmentLeaf, orgId: string, afterCheaperConditions = false): SQL {
  switch (node.kind) {
    case 'condition':
      return compileFieldCondition(node, orgId);
    case 'attribute':
      return compileAttributeCondition(node);
    case 'orders':
      return compileOrderCondition(node, orgId, afterCheaperConditions);
    case 'segment':
      return compileSegmentMembership(node);
  }
}
