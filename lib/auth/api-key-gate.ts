import { and, eq, isNull } from 'drizzle-orm';
import { recordAuditEvent } from '@/lib/audit/events';
import { orgIdOfApiKey } from '@/lib/api-keys/api-keys';
import { apiKeys } from '@/lib/db/schema';
import { tenantForApiKey, withTenant, type Tenant } from '@/lib/db/tenant';
import { hashSecret } from '@/lib/security/secret-token';
import { clientIp } from '@/lib/security/client-ip';

export type ApiCaller = { tenant: Tenant; keyId: number; keyName: string };

const unauthorized = (message: string) =>
  Response.json({ error: message }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="segmenta"' } });

/**
 * The gate for the public API: `Authorization: Bearer sgk_…` must be an active key of the workspace it names.
 * Each use is stamped on the key and recorded in the audit trail. Returns the caller, or the 401 to send.
 */
export async function requireApiKey(request: Request, use: { target: string; details?: Record<string, unknown> }): Promise<ApiCaller | Response> {
  const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!presented) return unauthorized('Send the workspace API key as "Authorization: Bearer <key>".');
  const orgId = orgIdOfApiKey(presented);
  if (!orgId) return unauthorized('That is not a valid API key.');
  // Scoped to the workspace the key claims; it becomes the caller's tenant only if the hash matches there.
  const claimed = tenantForApiKey({ orgId });
  const key = await withTenant(claimed, async (tx) => {
    const [match] = await tx
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.keyHash, hashSecret(presented)), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (match) {
      await recordAuditEvent(tx, orgId, {
        actorEmail: `api-key:${match.name}`,
        action: 'api_key.used',
        target: use.target,
        details: { keyId: match.id, ...use.details },
        ip: clientIp(request.headers),
      });
    }
    return match;
  });
  if (!key) return unauthorized('That API key is unknown or revoked.');
  return { tenant: claimed, keyId: key.id, keyName: key.name };
}
