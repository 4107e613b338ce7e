import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/rows';
import { segmentMembers, segments, segmentSnapshots } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { schemeSegmentNames } from '@/lib/metrics/segment-scheme';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { refreshSegments } from './refresh-membership';
import { unknownRfmSegmentErrors, unknownRfmSegments } from './rfm-segment-names';
import { SEGMENT_COLORS, type SegmentColor } from './segment-colors';
import { parseSegmentRule, type SegmentRule } from './rule-schema';
import { findSegmentCycle, referencedSegmentIds } from './segment-dependencies';
import { storedSegments } from './stored-rules';


export type SegmentDetails = { name: string; description: string; color: SegmentColor };
export type SegmentDefinition = SegmentDetails & { rule: SegmentRule };

export type SavedSegment = SegmentDetails & {
  id: number;
  kind: 'rule' | 'static';
  rule: SegmentRule | null;
  source: string;
  createdAt: Date;
  updatedAt: Date;
  refreshedAt: Date | null;
};

/** A refusal; `fieldErrors` holds the field's messages when they are more precise than `error`. */
export type SaveResult = { ok: true; id: number } | { ok: false; error: string; field?: 'name' | 'rule'; fieldErrors?: string[] };
type SaveRefusal = Extract<SaveResult, { ok: false }>;

const NAME_TAKEN = 'segments_org_name_key';

function isNameConflict(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = cause as { code?: string; constraint_name?: string; constraint?: string };
    if (code === '23505' && (constraint_name ?? constraint) === NAME_TAKEN) return true;
  }
  return false;
}

/**
 * Why the rule cannot be saved as this segment: RFM segments the workspace's scheme does not have, a missing
 * referenced segment, or a circle of references.
 */
async function ruleRefusal(tx: Database, orgId: string, segmentId: number, rule: SegmentRule): Promise<SaveRefusal | null> {
  const { segments: scheme } = await workspaceSegmentScheme(tx, orgId);
  const unknown = unknownRfmSegments(rule, new Set(schemeSegmentNames(scheme)));
  if (unknown.length > 0) {
    return { ok: false, error: 'The rule names RFM segments this workspace does not have.', field: 'rule', fieldErrors: unknownRfmSegmentErrors(unknown) };
  }
  const { rules, names } = await storedSegments(tx, orgId);
  const refusal = (error: string): SaveRefusal => ({ ok: false, error, field: 'rule' });
  if (referencedSegmentIds(rule).some((id) => !rules.has(id))) return refusal('The rule refers to a segment that does not exist (any more). Choose another.');
  const cycle = findSegmentCycle(segmentId, rule, rules);
  if (!cycle) return null;
  const path = cycle.map((id) => (id === segmentId ? 'this segment' : `“${names.get(id) ?? `#${id}`}”`));
  return refusal(`Segments cannot refer to each other in a circle: ${path.join(' → ')}.`);
}

/** Saves a new rule-based segment and fills its membership in the same transaction. */
export async function createRuleSegment(tenant: Tenant, createdBy: string | null, definition: SegmentDefinition, source = 'custom'): Promise<SaveResult> {
  try {
    return await withTenant(tenant, async (tx) => {
      const refusal = await ruleRefusal(tx, tenant.orgId, -1, definition.rule);
      if (refusal) return refusal;
      const [row] = await tx
        .insert(segments)
        .values({ orgId: tenant.orgId, kind: 'rule', source, createdBy, ...definition })
        .returning({ id: segments.id });
      await refreshSegments(tx, tenant.orgId, [row.id]);
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    if (isNameConflict(error)) return { ok: false, error: 'A segment with this name already exists.', field: 'name' };
    throw error;
  }
}

/**
 * Saves several rule-based segments at once (templates), skipping names the workspace already uses, and
 * refreshes the new ones in the same transaction: clicking twice creates nothing twice.
 */
export async function createRuleSegments(
  tenant: Tenant,
  createdBy: string | null,
  definitions: (SegmentDefinition & { key: string })[],
): Promise<{ created: string[]; skipped: string[] }> {
  return withTenant(tenant, async (tx) => {
    const existing = new Set(
      (await tx.select({ name: segments.name }).from(segments).where(eq(segments.orgId, tenant.orgId))).map((row) => row.name),
    );
    const fresh = definitions.filter((definition) => !existing.has(definition.name));
    const ids: number[] = [];
    for (const { key, ...definition } of fresh) {
      const [row] = await tx
        .insert(segments)
        .values({ orgId: tenant.orgId, kind: 'rule', source: `template:${key}`, createdBy, ...definition })
        .returning({ id: segments.id });
      ids.push(row.id);
    }
    if (ids.length > 0) await refreshSegments(tx, tenant.orgId, ids);
    return { created: fresh.map((d) => d.name), skipped: definitions.filter((d) => existing.has(d.name)).map((d) => d.name) };
  });
}

/** Saves a frozen list of the workspace's customers (ids not in the workspace are ignored). */
export async function createStaticSegment(
  tenant: Tenant,
  createdBy: string | null,
  details: SegmentDetails,
  customerIds: number[],
  source = 'static',
): Promise<SaveResult> {
  try {
    return await withTenant(tenant, async (tx) => {
      const [row] = await tx
        .insert(segments)
        .values({ orgId: tenant.orgId, kind: 'static', rule: null, source, createdBy, ...details })
        .returning({ id: segments.id });
      await tx.execute(sql`
        insert into segment_members (org_id, segment_id, customer_id)
        select c.org_id, ${row.id}::bigint, c.id from customers c
        where c.org_id = ${tenant.orgId} and c.id = any(${sql.param(customerIds)}::bigint[])`);
      await refreshSegments(tx, tenant.orgId, [row.id]);
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    if (isNameConflict(error)) return { ok: false, error: 'A segment with this name already exists.', field: 'name' };
    throw error;
  }
}

/** Updates a segment's details (and rule, for a rule-based one) and refreshes it and its dependents. */
export async function updateSegment(
  tenant: Tenant,
  id: number,
  details: SegmentDetails,
  rule: SegmentRule | null,
): Promise<SaveResult | null> {
  try {
    return await withTenant(tenant, async (tx) => {
      const [existing] = await tx
        .select({ kind: segments.kind })
        .from(segments)
        .where(and(eq(segments.orgId, tenant.orgId), eq(segments.id, id)))
        .for('update');
      if (!existing) return null;
      if (existing.kind === 'rule' && rule) {
        const refusal = await ruleRefusal(tx, tenant.orgId, id, rule);
        if (refusal) return refusal;
      }
      await tx
        .update(segments)
        .set({ ...details, ...(existing.kind === 'rule' && rule ? { rule } : {}), updatedAt: new Date() })
        .where(and(eq(segments.orgId, tenant.orgId), eq(segments.id, id)));
      await refreshSegments(tx, tenant.orgId, [id]);
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (isNameConflict(error)) return { ok: false, error: 'A segment with this name already exists.', field: 'name' };
    throw error;
  }
}

export type DeleteResult = { ok: true; name: string } | { ok: false; error: string } | null;

/** Deletes a segment with its members and history, unless another segment's rule refers to it. */
export async function deleteSegment(tenant: Tenant, id: number): Promise<DeleteResult> {
  return withTenant(tenant, async (tx) => {
    const { rules, names } = await storedSegments(tx, tenant.orgId);
    const name = names.get(id);
    if (name === undefined) return null;
    const referring = [...rules]
      .filter(([otherId, rule]) => otherId !== id && rule != null && referencedSegmentIds(rule).includes(id))
      .map(([otherId]) => names.get(otherId));
    if (referring.length > 0) {
      return { ok: false, error: `“${name}” is used by ${referring.map((other) => `“${other}”`).join(', ')}; change those first.` };
    }
    await tx.execute(sql`
      delete from segment_member_changes ch using segment_snapshots s
      where ch.org_id = ${tenant.orgId} and s.org_id = ch.org_id and s.id = ch.snapshot_id and s.segment_id = ${id}`);
    await tx.delete(segmentSnapshots).where(and(eq(segmentSnapshots.orgId, tenant.orgId), eq(segmentSnapshots.segmentId, id)));
    await tx.delete(segmentMembers).where(and(eq(segmentMembers.orgId, tenant.orgId), eq(segmentMembers.segmentId, id)));
    await tx.execute(sql`delete from segment_market_inputs where org_id = ${tenant.orgId} and segment_key = ${`segment:${id}`}`);
    await tx.delete(segments).where(and(eq(segments.orgId, tenant.orgId), eq(segments.id, id)));
    return { ok: true, name };
  });
}

type SegmentRow = typeof segments.$inferSelect;

function toSavedSegment(row: SegmentRow): SavedSegment {
  const parsed = row.rule == null ? null : parseSegmentRule(row.rule);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    color: (SEGMENT_COLORS as readonly string[]).includes(row.color) ? (row.color as SegmentColor) : 'indigo',
    kind: row.kind,
    rule: parsed?.success ? parsed.rule : null,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    refreshedAt: row.refreshedAt,
  };
}

export async function findSegment(tenant: Tenant, id: number): Promise<SavedSegment | null> {
  return withTenant(tenant, async (tx) => {
    const [row] = await tx.select().from(segments).where(and(eq(segments.orgId, tenant.orgId), eq(segments.id, id)));
    return row ? toSavedSegment(row) : null;
  });
}

/** Id and name of every segment, for pickers (segment-membership conditions, reports). */
export async function listSegmentNames(tenant: Tenant): Promise<{ id: number; name: string }[]> {
  return withTenant(tenant, (tx) =>
    tx.select({ id: segments.id, name: segments.name }).from(segments).where(eq(segments.orgId, tenant.orgId)).orderBy(segments.name),
  );
}

/** The custom attribute keys in use, for the rule builder's suggestions. */
export async function listAttributeKeys(tenant: Tenant): Promise<string[]> {
  return withTenant(tenant, async (tx) => {
    const rows = await queryRows<{ key: string }>(
      tx,
      sql`select distinct jsonb_object_keys(attributes) as key from customers where org_id = ${tenant.orgId} order by 1 limit 200`,
    );
    return rows.map((row) => row.key);
  });
}
