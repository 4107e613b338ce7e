import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '@/lib/db/schema';
import { withTenant, type Tenant } from '@/lib/db/tenant';
import { hashSecret, newSecretToken } from '@/lib/security/secret-token';

export type ApiKeySummary = {
  id: number;
  name: string;
  lastFour: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const KEY_PATTERN = /^sgk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** The key names its workspace (`sgk_<org id hex>_<secret>`), so it is looked up within that workspace only. */
export function formatApiKey(orgId: string, secret: string): string {
  return `sgk_${orgId.replace(/-/g, '')}_${secret}`;
}

/** The workspace a presented key claims, or null for anything not shaped like a key. */
export function orgIdOfApiKey(key: string): string | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Creates a key and returns it whole, once: only its hash and last four characters are stored. */
export async function createApiKey(tenant: Tenant, name: string, createdBy: string): Promise<{ key: string; summary: ApiKeySummary }> {
  const key = formatApiKey(tenant.orgId, newSecretToken());
  const [row] = await withTenant(tenant, (tx) =>
    tx.insert(apiKeys).values({ orgId: tenant.orgId, name, keyHash: hashSecret(key), lastFour: key.slice(-4), createdBy }).returning(),
  );
  return { key, summary: toSummary(row) };
}

export async function listApiKeys(tenant: Tenant): Promise<ApiKeySummary[]> {
  const rows = await withTenant(tenant, (tx) =>
    tx.select().from(apiKeys).where(eq(apiKeys.orgId, tenant.orgId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)),
  );
  return rows.map(toSummary);
}

/** Revokes a key of the workspace; null when there is no such active key. */
export async function revokeApiKey(tenant: Tenant, id: number): Promise<ApiKeySummary | null> {
  const [row] = await withTenant(tenant, (tx) =>
    tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.orgId, tenant.orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(),
  );
  return row ? toSummary(row) : null;
}

function toSummary(row: typeof apiKeys.$inferSelect): ApiKeySummary {
  return { id: row.id, name: row.name, lastFour: row.lastFour, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
