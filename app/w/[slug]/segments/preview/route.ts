import { NextResponse, type NextRequest } from 'next/server';
import { requireMember } from '@/lib/auth/gate';
import { withTenant } from '@/lib/db/tenant';
import { previewSegment } from '@/lib/segments/compile-rule';
import { parseSegmentRule } from '@/lib/segments/rule-schema';

// A rule of 50 conditions with 1,000-item lists fits well inside this.
const MAX_BODY_BYTES = 256 * 1024;

/** POST `{ rule }`: the live preview of an unsaved rule (size, value, ten sample customers) for any member. */
export async function POST(request: NextRequest, { params }: RouteContext<'/w/[slug]/segments/preview'>) {
  const { slug } = await params;
  const member = await requireMember(slug);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return NextResponse.json({ errors: ['The rule is too large.'] }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return NextResponse.json({ errors: ['The rule is not valid JSON.'] }, { status: 400 });
  }
  const parsed = parseSegmentRule((body as { rule?: unknown } | null)?.rule);
  if (!parsed.success) return NextResponse.json({ errors: parsed.errors }, { status: 422 });
  const result = await withTenant(member.tenant, (tx) => previewSegment(tx, parsed.rule, member.tenant.orgId));
  return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
