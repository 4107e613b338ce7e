'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { recordAuditEvent } from '@/lib/audit/events';
import { memberAction } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';

export const createApiKeyAction = memberAction(
  'admin',
  z.object({ name: z.string().trim().min(1, 'Name the key after the tool that will use it.').max(80, 'Keep the name under 80 characters.') }),
  async ({ name }, member) => {
    const { key, summary } = await createApiKey(member.tenant, name, member.user.id);
    await recordAuditEvent(await getDb(), member.tenant.orgId, {
      actorId: member.user.id, actorEmail: member.user.email, action: 'api_key.created', target: `api-key:${name}`, details: { keyId: summary.id },
    });
    revalidatePath(`/w/${member.workspace.slug}/settings`);
    return { ok: true, message: `Key “${name}” created. Copy it now: it is not shown again.`, secret: key };
  },
);

export const revokeApiKeyAction = memberAction('admin', z.object({ keyId: z.coerce.number().int().positive() }), async ({ keyId }, member) => {
  const revoked = await revokeApiKey(member.tenant, keyId);
  if (!revoked) return { error: 'That key is already revoked or does not exist.' };
  await recordAuditEvent(await getDb(), member.tenant.orgId, {
    actorId: member.user.id, actorEmail: member.user.email, action: 'api_key.revoked', target: `api-key:${revoked.name}`, details: { keyId },
  });
  revalidatePath(`/w/${member.workspace.slug}/settings`);
  return { ok: true, message: `Key “${revoked.name}” revoked.` };
});
