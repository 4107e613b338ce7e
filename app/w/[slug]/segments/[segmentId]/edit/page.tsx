import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { schemeSegmentNames } from '@/lib/metrics/segment-scheme';
import { workspaceSegmentScheme } from '@/lib/metrics/segment-scheme-store';
import { findSegment, listAttributeKeys, listSegmentNames } from '@/lib/segments/segment-store';
import { saveSegmentAction } from '../../actions';
import { SegmentEditor } from '../../segment-editor';
import { idParam } from '@/lib/id-param';

export const metadata: Metadata = { title: 'Edit segment' };

export default async function EditSegmentPage({ params }: PageProps<'/w/[slug]/segments/[segmentId]/edit'>) {
  const { slug, segmentId } = await params;
  const { workspace, tenant, role } = await requireMember(slug);
  const id = idParam(segmentId);
  if (!hasRole(role, 'marketer') || id === null) notFound();
  const [segment, segments, attributeKeys, scheme] = await Promise.all([
    findSegment(tenant, id),
    listSegmentNames(tenant),
    listAttributeKeys(tenant),
    workspaceSegmentScheme(await getDb(), tenant.orgId),
  ]);
  if (!segment) notFound();
  return (
    <>
      <PageHeader title={`Edit “${segment.name}”`} />
      <SegmentEditor
        slug={slug}
        currency={workspace.currency}
        save={saveSegmentAction.bind(null, slug)}
        segments={segments}
        attributeKeys={attributeKeys}
        rfmSegmentNames={schemeSegmentNames(scheme.segments)}
        initial={{ id: segment.id, name: segment.name, description: segment.description, color: segment.color, rule: segment.rule }}
      />
    </>
  );
}
