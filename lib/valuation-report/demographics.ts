import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/lib/db/rows';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { parseSegmentKey, type SegmentKey } from './segment-keys';

export type ProfileShare = { label: string; customers: number; share: number };

/** Who a segment's buyers are, from the customer records. */
export type DemographicProfile = {
  customers: number;
  incomeBands: ProfileShare[];
  ageBands: ProfileShare[];
  genders: ProfileShare[];
  /** The largest countries, then everyone else as "Other countries". */
  topCountries: ProfileShare[];
};

export const UNKNOWN = 'Unknown';
export const TOP_COUNTRIES = 5;
/** Ages at the as-of date: lower bounds of the bands. */
const AGE_BANDS = [
  { from: 0, label: 'Under 25' },
  { from: 25, label: '25–34' },
  { from: 35, label: '35–44' },
  { from: 45, label: '45–54' },
  { from: 55, label: '55–64' },
  { from: 65, label: '65 and over' },
] as const;

type Dimension = 'income' | 'age' | 'gender' | 'country';

function ageBandSql(): SQL {
  const age = sql`(extract(year from mem.as_of)::int - c.birth_year)`;
  const cases = [...AGE_BANDS].reverse().map((band) => sql`when ${age} >= ${band.from}::int then ${band.label}::text`);
  return sql`case when c.birth_year is null then ${UNKNOWN}::text ${sql.join(cases, sql` `)} else ${UNKNOWN}::text end`;
}

function membersOf(orgId: string, keys: readonly SegmentKey[]): SQL {
  const refs = keys.map(parseSegmentKey).filter((ref) => ref !== null);
  const rfmNames = refs.flatMap((ref) => (ref.kind === 'rfm' ? [ref.name] : []));
  const savedIds = refs.flatMap((ref) => (ref.kind === 'segment' ? [ref.id] : []));
  return sql`
    select 'rfm:' || m.rfm_segment as segment_key, m.customer_id, m.as_of from customer_metrics m
    where m.org_id = ${orgId} and m.orders > 0 and m.rfm_segment = any(${sql.param(rfmNames)}::text[])
    union all
    select 'segment:' || sm.segment_id, m.customer_id, m.as_of from segment_members sm
    join customer_metrics m on m.org_id = sm.org_id and m.customer_id = sm.customer_id
    where sm.org_id = ${orgId} and sm.segment_id = any(${sql.param(savedIds)}::bigint[]) and m.orders > 0`;
}

const known = (column: SQL) => sql`coalesce(nullif(trim(${column}), ''), ${UNKNOWN}::text)`;

/** The demographic profile of each segment's buyers (customers with at least one order), in one statement. */
export async function demographicProfiles(tenant: Tenant, keys: readonly SegmentKey[]): Promise<Map<SegmentKey, DemographicProfile>> {
  const rows = await withTenant(tenant, (tx) =>
    queryRows<{ segment_key: SegmentKey; dimension: Dimension; label: string; customers: number }>(
      tx,
      sql`
        with profile as (
          select mem.segment_key, ${known(sql`c.income_band`)} as income_band, ${ageBandSql()} as age_band,
                 ${known(sql`c.gender`)} as gender, ${known(sql`c.country`)} as country
          from (${membersOf(tenant.orgId, keys)}) mem
          join customers c on c.org_id = ${tenant.orgId} and c.id = mem.customer_id
        )
        select segment_key,
               case when grouping(income_band) = 0 then 'income' when grouping(age_band) = 0 then 'age'
                    when grouping(gender) = 0 then 'gender' else 'country' end as dimension,
               coalesce(income_band, age_band, gender, country) as label,
               count(*)::int as customers
        from profile
        group by grouping sets ((segment_key, income_band), (segment_key, age_band), (segment_key, gender), (segment_key, country))`,
    ),
  );
  const byKey = new Map<SegmentKey, Record<Dimension, { label: string; customers: number }[]>>();
  for (const row of rows) {
    const dimensions = byKey.get(row.segment_key) ?? { income: [], age: [], gender: [], country: [] };
    dimensions[row.dimension].push({ label: row.label, customers: Number(row.customers) });
    byKey.set(row.segment_key, dimensions);
  }
  return new Map(keys.map((key) => [key, toProfile(byKey.get(key))]));
}

function toProfile(dimensions: Record<Dimension, { label: string; customers: number }[]> | undefined): DemographicProfile {
  if (!dimensions) return { customers: 0, incomeBands: [], ageBands: [], genders: [], topCountries: [] };
  const customers = dimensions.gender.reduce((sum, entry) => sum + entry.customers, 0);
  const withShares = (entries: { label: string; customers: number }[]) =>
    entries.map((entry) => ({ ...entry, share: customers ? entry.customers / customers : 0 }));
  const unknownLast = (order: (label: string) => number) => (a: { label: string }, b: { label: string }) =>
    (a.label === UNKNOWN ? Infinity : order(a.label)) - (b.label === UNKNOWN ? Infinity : order(b.label));
  const byCustomers = (a: { customers: number; label: string }, b: { customers: number; label: string }) =>
    b.customers - a.customers || a.label.localeCompare(b.label);
  const countries = [...dimensions.country].sort(byCustomers);
  const others = countries.slice(TOP_COUNTRIES).reduce((sum, entry) => sum + entry.customers, 0);
  const ageOrder = new Map<string, number>(AGE_BANDS.map((band, index) => [band.label, index]));
  return {
    customers,
    incomeBands: withShares([...dimensions.income].sort(unknownLast(incomeBandOrder))),
    ageBands: withShares([...dimensions.age].sort(unknownLast((label) => ageOrder.get(label) ?? AGE_BANDS.length))),
    genders: withShares([...dimensions.gender].sort(byCustomers)),
    topCountries: withShares([
      ...countries.slice(0, TOP_COUNTRIES),
      ...(others > 0 ? [{ label: 'Other countries', customers: others }] : []),
    ]),
  };
}

/** Income bands in order of their first amount: "<25k" before "25-50k" before "150k+". */
function incomeBandOrder(label: string): number {
  const amount = Number(/\d+(?:\.\d+)?/.exec(label)?.[0] ?? Infinity);
  return label.trimStart().startsWith('<') ? amount - 0.5 : amount;
}
