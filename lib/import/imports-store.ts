import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { columnMappings, importRejects, imports, users } from '@/lib/db/schema';
import type { ColumnMapping } from './column-mapping';
import type { ImportEntity } from './import-fields';

export type ImportRecord = typeof imports.$inferSelect;

export type ImportOptions = {
  delimiter: ',' | ';' | '\t' | '|';
  hasHeader: boolean;
  dateOrder: 'ymd' | 'dmy' | 'mdy';
  decimalSeparator: '.' | ',';
  unknownCustomers: 'create' | 'reject';
};

export async function createImportRecord(
  db: Database,
  orgId: string,
  input: { entity: ImportEntity; fileName: string; fileSize: number; storedFile: string; headers: string[]; mapping: ColumnMapping; options: ImportOptions; createdBy: string | null },
): Promise<ImportRecord> {
  const [record] = await db.insert(imports).values({ orgId, ...input }).returning();
  return record;
}

export async function findImport(db: Database, orgId: string, id: number): Promise<ImportRecord | null> {
  const [record] = await db.select().from(imports).where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
  return record ?? null;
}

export type ImportHistoryRow = ImportRecord & { createdByEmail: string | null };

export async function listImports(db: Database, orgId: string, limit = 50): Promise<ImportHistoryRow[]> {
  const rows = await db
    .select({ record: imports, createdByEmail: users.email })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(eq(imports.orgId, orgId))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
  return rows.map(({ record, createdByEmail }) => ({ ...record, createdByEmail }));
}

export async function markImportRunning(db: Database, record: ImportRecord) {
  await db.update(imports).set({ status: 'running', startedAt: new Date() }).where(and(eq(imports.orgId, record.orgId), eq(imports.id, record.id)));
}

export async function markImportFailed(db: Database, record: Pick<ImportRecord, 'orgId' | 'id'>, error: string) {
  await db
    .update(imports)
    .set({ status: 'failed', error, finishedAt: new Date() })
    .where(and(eq(imports.orgId, record.orgId), eq(imports.id, record.id)));
}

export type ImportCounts = Pick<
  ImportRecord,
  'rowsRead' | 'rowsInserted' | 'rowsUpdated' | 'rowsUnchanged' | 'rowsRejected' | 'refunds' | 'customersCreated'
>;

export async function markImportSucceeded(db: Database, record: ImportRecord, counts: ImportCounts) {
  await db
    .update(imports)
    .set({ status: 'succeeded', ...counts, finishedAt: new Date(), error: null })
    .where(and(eq(imports.orgId, record.orgId), eq(imports.id, record.id)));
}

/** Stores rejected rows in one statement per batch; arrays travel as single parameters. */
export async function storeRejects(db: Database, record: ImportRecord, rejects: { line: number; reason: string; raw: string[] }[]) {
  for (let i = 0; i < rejects.length; i += 5000) {
    const batch = rejects.slice(i, i + 5000);
    await db.execute(sql`
      insert into import_rejects (org_id, import_id, line, reason, raw)
      select ${record.orgId}::uuid, ${record.id}, r.line, r.reason, r.raw
      from unnest(${sql.param(batch.map((r) => r.line))}::int[], ${sql.param(batch.map((r) => r.reason))}::text[],
                  ${sql.param(batch.map((r) => JSON.stringify(r.raw)))}::jsonb[]) as r(line, reason, raw)`);
  }
}

export async function rejectsOf(db: Database, orgId: string, importId: number) {
  return db
    .select({ line: importRejects.line, reason: importRejects.reason, raw: importRejects.raw })
    .from(importRejects)
    .where(and(eq(importRejects.orgId, orgId), eq(importRejects.importId, importId)))
    .orderBy(importRejects.line);
}

export async function savedMapping(db: Database, orgId: string, entity: ImportEntity, headerSignature: string) {
  const [saved] = await db
    .select()
    .from(columnMappings)
    .where(and(eq(columnMappings.orgId, orgId), eq(columnMappings.entity, entity), eq(columnMappings.headerSignature, headerSignature)));
  return saved ?? null;
}

export async function saveMapping(db: Database, orgId: string, entity: ImportEntity, headerSignature: string, mapping: ColumnMapping, options: Partial<ImportOptions>) {
  await db
    .insert(columnMappings)
    .values({ orgId, entity, headerSignature, mapping, options })
    .onConflictDoUpdate({
      target: [columnMappings.orgId, columnMappings.entity, columnMappings.headerSignature],
      set: { mapping, options, updatedAt: new Date() },
    });
}
