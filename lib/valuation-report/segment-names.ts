import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { segments } from '@/lib/db/schema';

/** A saved segment as the valuation lists it. */
export type SavedSegmentName = { id: number; name: string; color: string };

export async function savedSegmentNames(tx: Database, orgId: string): Promise<SavedSegmentName[]> {
  return tx
    .select({ id: segments.id, name: segments.name, color: segments.color })
    .from(segments)
    .where(eq(segments.orgId, orgId))
    .orderBy(asc(segments.name));
}

export async function segmentExists(tx: Database, orgId: string, id: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: segments.id })
    .from(segments)
    .where(and(eq(segments.orgId, orgId), eq(segments.id, id)));
  return row !== undefined;
}
