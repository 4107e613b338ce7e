import { type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireApiKey } from '@/lib/auth/api-key-gate';
import { idParam } from '@/lib/id-param';
import { segmentMembersForApi, API_PAGE_SIZE_MAX } from '@/lib/segments/api-members';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(API_PAGE_SIZE_MAX).default(100),
  cursor: z.coerce.number().int().min(0).default(0),
  consent: z.enum(['only', 'include']).default('only'),
});

/**
 * GET /api/v1/segments/:id/members?limit=100&cursor=0 with `Authorization: Bearer <workspace API key>`: the
 * segment's members with marketing consent (`consent=include` for all), keyset-paginated by `next_cursor`.
 */
export async function GET(request: NextRequest, { params }: RouteContext<'/api/v1/segments/[segmentId]/members'>) {
  const { segmentId } = await params;
  const caller = await requireApiKey(request, { target: `segment:${segmentId}` });
  if (caller instanceof Response) return caller;
  const id = idParam(segmentId);
  const query = pageQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) {
    return Response.json({ error: `limit must be 1–${API_PAGE_SIZE_MAX}, cursor a whole number ≥ 0, consent "only" or "include".` }, { status: 400 });
  }
  const { limit, cursor, consent } = query.data;
  const page = id ? await segmentMembersForApi(caller.tenant, id, { limit, cursor, includeWithoutConsent: consent === 'include' }) : null;
  if (!page) return Response.json({ error: 'No such segment in this workspace.' }, { status: 404 });
  return Response.json(page, { headers: { 'Cache-Control': 'no-store' } });
}
