import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { parseSegmentRule, type SegmentRule } from './rule-schema';

export type StoredSegments = { rules: Map<number, SegmentRule | null>; names: Map<number, string> };

/**
 * Every segment of the workspace with its parsed rule (null for a static list) and name, optionally locked for
 * the rest of the transaction. A stored rule was validated on save; one that no longer parses (a field since
 * removed) counts as null, so its segment keeps its members.
 */
export async function storedSegments(tx: Pick<Database, 'execute'>, orgId: string, options: { lock?: boolean } = {}): Promise<StoredSegments> {
  const rows = await queryRows<{ id: number; name: string; kind: 'rule' | 'static'; rule: unknown }>(
    tx,
    sql`select id::int as id, name, kind, rule from segments where org_id = ${orgId} order by id ${options.lock ? sql`for update` : sql``}`,
  );
  const rules = new Map<number, SegmentRule | null>();
  const names = new Map<number, string>();
  for (const row of rows) {
    const parsed = row.kind === 'rule' ? parseSegmentRule(row.rule) : null;
    rules.set(Number(row.id), parsed?.success ? parsed.rule : null);
    names.set(Number(row.id), row.name);
  }
  return { rules, names };
}
