import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { requireMember } from '@/lib/auth/gate';
import { idParam } from '@/lib/id-param';
import { segmentHistory, segmentMembersPage } from '@/lib/segments/segment-detail';
import { savedSegmentKey } from '@/lib/valuation-report/segment-keys';
import { SegmentValuationDetail } from '../../segment-valuation-detail';

export const metadata: Metadata = { title: 'Segment valuation' };

export default async function SavedSegmentValuationPage({ params }: PageProps<'/w/[slug]/valuation/saved/[segmentId]'>) {
  const { slug, segmentId } = await params;
  const member = await requireMember(slug);
  const id = idParam(segmentId);
  if (!id) notFound();
  const [history, members] = await Promise.all([segmentHistory(member.tenant, id), segmentMembersPage(member.tenant, id, 1)]);
  const segmentHref = `/w/${slug}/segments/${id}`;
  return (
    <SegmentValuationDetail
      member={member}
      segmentKey={savedSegmentKey(id)}
      members={members.map((row) => ({
        id: row.id,
        name: row.name ?? row.externalId,
        detail: [row.email, row.country, row.rfmSegment].filter(Boolean).join(' · '),
        revenue: row.revenue,
        predictedClv: row.predictedClv,
      }))}
      membersHref={segmentHref}
      flows={{ enteredFrom: history.enteredFrom, departedTo: history.departedTo }}
      extraActions={
        <ButtonLink href={segmentHref} variant="secondary">
          Segment page
        </ButtonLink>
      }
    />
  );
}
