import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { valueEngineSettings } from '@/lib/metrics/settings';
import { deleteAllDataAction, saveValueSettingsAction } from './actions';
import { ApiKeysPanel } from './api-keys/api-keys-panel';
import { DeleteDataForm } from './delete-data-form';
import { saveRfmSchemeAction } from './rfm-scheme/actions';
import { SchemeEditor } from './rfm-scheme/scheme-editor';
import { ValueSettingsForm } from './value-settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: PageProps<'/w/[slug]/settings'>) {
  const { slug } = await params;
  const { tenant, role, workspace } = await requireMember(slug);
  const db = await getDb();
  const [settings, scheme] = await Promise.all([valueEngineSettings(db, tenant.orgId), workspaceSegmentScheme(db, tenant.orgId)]);
  const canEdit = role === 'admin';
  return (
    <>
      <PageHeader title="Settings" description={`${workspace.name} · reporting currency ${workspace.currency}`} />
      <Card
        title="Customer value"
        description={canEdit ? 'Saving recomputes every customer’s figures.' : 'Only admins can change these settings.'}
      >
        <ValueSettingsForm settings={settings} canEdit={canEdit} action={saveValueSettingsAction.bind(null, slug)} />
      </Card>
      <Card
        title="RFM segments"
        description={`${scheme.isDefault ? 'The default R × F grid.' : 'This workspace’s own scheme.'} Scores are on the 1–5 grid (other bin counts are scaled to it); every R × F × M cell must belong to exactly one segment.${canEdit ? ' Saving recomputes every customer’s segment.' : ' Only admins can change the segments.'}`}
        className="mt-6"
      >
        <SchemeEditor segments={scheme.segments} canEdit={canEdit} action={saveRfmSchemeAction.bind(null, slug)} />
      </Card>
      {canEdit && <ApiKeysPanel slug={slug} tenant={tenant} />}
      {canEdit && (
        <Card
          title="Danger zone"
          description="Delete every customer and order of this workspace, with their imports, metrics and model fits. Members, settings and the audit trail stay."
          className="mt-6"
        >
          <DeleteDataForm slug={slug} action={deleteAllDataAction.bind(null, slug)} />
        </Card>
      )}
    </>
  );
}
