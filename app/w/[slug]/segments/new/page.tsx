import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { schemeSegmentNames } from '@/lib/metrics/segment-scheme';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { listAttributeKeys, listSegmentNames } from '@/lib/segments/segment-store';
import { saveSegmentAction } from '../actions';
import { SegmentEditor } from '../segment-editor';
import { StaticSegmentForm } from '../static-segment-form';

export const metadata: Metadata = { title: 'New segment' };

export default async function NewSegmentPage({ params }: PageProps<'/w/[slug]/segments/new'>) {
  const { slug } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  if (!hasRole(role, 'marketer')) notFound();
  const [segments, attributeKeys, scheme] = await Promise.all([
    listSegmentNames(tenant),
    listAttributeKeys(tenant),
    workspaceSegmentScheme(await getDb(), tenant.orgId),
  ]);
  return (
    <>
      <PageHeader title="New segment" description="Describe who belongs; the preview shows its size and value as you type." />
      <SegmentEditor
        slug={slug}
        currency={workspace.currency}
        save={saveSegmentAction.bind(null, slug)}
        segments={segments}
        attributeKeys={attributeKeys}
        rfmSegmentNames={schemeSegmentNames(scheme.segments)}
        initial={{
          name: '',
          description: '',
          color: 'indigo',
          rule: { version: 1, root: { kind: 'group', combinator: 'and', children: [{ kind: 'condition', field: 'predicted_clv', operator: 'gt', value: 0 }] } },
        }}
      />
      <StaticSegmentForm slug={slug} />
    </>
  );
}
