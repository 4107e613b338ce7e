import { ActionForm } from '@/components/ui/action-form';
import { Card } from '@/components/ui/card';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import type { Tenant } from '@/lib/db/tenant';
import { formatDateTime } from '@/lib/format';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { NewApiKeyForm } from './new-api-key-form';

/** Admins create and revoke the keys email and ad tools use to read segment members. */
export async function ApiKeysPanel({ slug, tenant }: { slug: string; tenant: Tenant }) {
  const keys = await listApiKeys(tenant);
  return (
    <Card
      title="API keys"
      className="mt-6"
      description={
        <>
          For email and ad tools: <code className="text-xs">GET /api/v1/segments/&lt;id&gt;/members</code> with{' '}
          <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>. Every call is recorded in the audit trail.
        </>
      }
    >
      <NewApiKeyForm action={createApiKeyAction.bind(null, slug)} />
      {keys.length > 0 && (
        <table className="mt-4 min-w-full divide-y divide-gray-200 text-sm">
          <caption className="sr-only">API keys of this workspace</caption>
          <thead>
            <tr className="text-left text-gray-900">
              <th scope="col" className="py-2 pr-4 font-semibold">Name</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Key</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Created</th>
              <th scope="col" className="py-2 pr-4 font-semibold">Last used</th>
              <th scope="col" className="py-2 font-semibold"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {keys.map((key) => (
              <tr key={key.id} data-api-key={key.name}>
                <td className="py-2 pr-4 font-medium text-gray-900">{key.name}</td>
                <td className="py-2 pr-4 font-mono text-xs text-gray-600">sgk_…{key.lastFour}</td>
                <td className="py-2 pr-4 text-gray-600">{formatDateTime(key.createdAt)}</td>
                <td className="py-2 pr-4 text-gray-600">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'never'}</td>
                <td className="py-2">
                  {key.revokedAt ? (
                    <span className="text-xs text-gray-500">revoked {formatDateTime(key.revokedAt)}</span>
                  ) : (
                    <ActionForm action={revokeApiKeyAction.bind(null, slug)} submitLabel="Revoke" pendingLabel="Revoking…" variant="ghost">
                      <input type="hidden" name="keyId" value={key.id} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
