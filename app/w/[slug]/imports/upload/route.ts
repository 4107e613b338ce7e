import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { requireMember } from '@/lib/auth/gate';
import { hasRole } from '@/lib/auth/roles';
import { getDb } from '@/lib/db/client';
import { inspectUpload } from '@/lib/import/inspect-upload';
import { deleteStoredUpload, storeUpload, UploadTooLargeError } from '@/lib/import/uploads';
import { ImportFileError } from '@/lib/import/upload-text';

const querySchema = z.object({ entity: z.enum(['customers', 'orders']), name: z.string().min(1).max(255) });

/** PUT the raw file (any size up to the limit): stored by streaming, then sniffed for the mapping step. */
export async function PUT(request: NextRequest, { params }: RouteContext<'/w/[slug]/imports/upload'>) {
  const { slug } = await params;
  const member = await requireMember(slug);
  if (!hasRole(member.role, 'marketer')) return NextResponse.json({ error: 'Importing needs the Marketer role.' }, { status: 403 });
  const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return NextResponse.json({ error: 'Say whether the file holds customers or orders.' }, { status: 400 });
  if (!request.body) return NextResponse.json({ error: 'The file is empty.' }, { status: 422 });

  let stored: Awaited<ReturnType<typeof storeUpload>> | null = null;
  try {
    stored = await storeUpload(member.tenant.orgId, request.body);
    const inspection = await inspectUpload(await getDb(), member.tenant.orgId, query.data.entity, stored.file);
    return NextResponse.json({ uploadId: stored.uploadId, fileName: query.data.name, bytes: stored.bytes, entity: query.data.entity, inspection });
  } catch (error) {
    deleteStoredUpload(stored?.file ?? null);
    if (error instanceof ImportFileError || error instanceof UploadTooLargeError) {
      return NextResponse.json({ error: error.message }, { status: error instanceof UploadTooLargeError ? 413 : 422 });
    }
    throw error;
  }
}
