import type { Metadata } from 'next';
import { DataQualityPanel } from '@/components/quality/data-quality-panel';
import { Card } from '@/components/ui/card';
import { AutoRefresh } from '@/components/ui/auto-refresh';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { listImports } from '@/lib/import/imports-store';
import { dataQualityReport } from '@/lib/quality/queries';
import { latestJobStatus } from '@/lib/jobs/status';
import { startImportAction } from './actions';
import { ImportHistory } from './import-history';
import { UploadPanel } from './upload-panel';

export const metadata: Metadata = { title: 'Imports' };

export default async function ImportsPage({ params }: PageProps<'/w/[slug]/imports'>) {
  const { slug } = await params;
  const { tenant, role, workspace } = await requireMember(slug);
  const [history, job, quality] = await Promise.all([
    listImports(await getDb(), tenant.orgId),
    latestJobStatus(tenant, 'import'),
    dataQualityReport(tenant),
  ]);
  const active = history.some((row) => row.status === 'queued' || row.status === 'running');
  return (
    <>
      <PageHeader
        title="Imports"
        description="Bring customers and orders in from CSV exports of your shop, payment provider, CRM or warehouse. Importing the same file again changes nothing."
      />
      <AutoRefresh active={active} />
      <div className="space-y-6">
        {hasRole(role, 'marketer') ? (
          <Card title="Import a file" description="Import customers first, then their orders (orders of unknown customers can create them).">
            <UploadPanel slug={slug} action={startImportAction.bind(null, slug)} />
          </Card>
        ) : (
          <p className="rounded-md bg-gray-100 px-4 py-3 text-sm text-gray-700">Importing needs the Marketer or Admin role; you can follow the imports below.</p>
        )}
        <Card title="History">
          <ImportHistory rows={history} job={job} slug={slug} />
        </Card>
        <DataQualityPanel report={quality} currency={workspace.currency} />
      </div>
    </>
  );
}
