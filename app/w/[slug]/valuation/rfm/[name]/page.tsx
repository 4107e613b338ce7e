import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireMember } from '@/lib/auth/gate';
import { listCustomers } from '@/lib/customers/queries';
import { getDb } from '@/lib/db/client';
import { isWorkspaceRfmSegment } from '@/lib/metrics/segment-scheme-store';
import { rfmKey } from '@/lib/valuation-report/segment-keys';
import { SegmentValuationDetail } from '../../segment-valuation-detail';

export const metadata: Metadata = { title: 'Segment valuation' };

const TOP_MEMBERS = 10;

export default async function RfmSegmentValuationPage({ params }: PageProps<'/w/[slug]/valuation/rfm/[name]'>) {
  const { slug, name: encoded } = await params;
  const member = await requireMember(slug);
  const name = decodeURIComponent(encoded);
  if (!(await isWorkspaceRfmSegment(await getDb(), member.tenant.orgId, name))) notFound();
  const { rows } = await listCustomers(member.tenant, {
    filters: { segment: name },
    sort: 'clv',
    direction: 'desc',
    page: 1,
    pageSize: TOP_MEMBERS,
  });
  return (
    <SegmentValuationDetail
      member={member}
      segmentKey={rfmKey(name)}
      members={rows.map((row) => ({
        id: Number(row.id),
        name: row.name ?? row.externalId,
        detail: [row.email, row.country, row.externalId].filter(Boolean).join(' · '),
        revenue: row.revenue,
        predictedClv: row.predictedClv,
      }))}
      membersHref={`/w/${slug}/customers?${new URLSearchParams({ segment: name, sort: 'clv', dir: 'desc' })}`}
      flows={null}
    />
  );
}
