import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { valueEngineSettings } from '@/lib/metrics/settings';
import { saveValueSettingsAction } from './actions';
import { ValueSettingsForm } from './value-settings-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: PageProps<'/w/[slug]/settings'>) {
  const { slug } = await params;
  const { tenant, role, workspace } = await requireMember(slug);
  const settings = await valueEngineSettings(await getDb(), tenant.orgId);
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
    </>
  );
}
