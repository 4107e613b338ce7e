'use server';

import fs from 'node:fs';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { memberAction } from '@/lib/auth/gate';
import { getDb } from '@/lib/db/client';
import { headerSignature, mappingProblems } from '@/lib/import/column-mapping';
import { createImportRecord, saveMapping } from '@/lib/import/imports-store';
import { inspectUpload } from '@/lib/import/inspect-upload';
import { storedUploadPath } from '@/lib/import/uploads';
import { enqueueJob } from '@/lib/jobs/queue';
import { wakeWorker } from '@/lib/jobs/worker';

const startImportSchema = z.object({
  uploadId: z.uuid('The upload was not found; upload the file again.'),
  fileName: z.string().min(1).max(255),
  entity: z.enum(['customers', 'orders']),
  mapping: z
    .string()
    .transform((text, context) => {
      try {
        return z.array(z.string().max(200).nullable()).max(500).parse(JSON.parse(text));
      } catch {
        context.addIssue({ code: 'custom', message: 'The column mapping is not valid.' });
        return z.NEVER;
      }
    }),
  dateOrder: z.enum(['ymd', 'dmy', 'mdy'], 'Choose how the dates are written.'),
  decimalSeparator: z.enum(['.', ','], 'Choose the decimal separator.'),
  unknownCustomers: z.enum(['create', 'reject']).default('create'),
});

/** Confirms the mapping of an upload and queues its import; the worker runs it and recomputes customer value. */
export const startImportAction = memberAction('marketer', startImportSchema, async (input, member) => {
  const db = await getDb();
  const orgId = member.tenant.orgId;
  const file = storedUploadPath(orgId, input.uploadId);
  if (!fs.existsSync(file)) return { error: 'The upload was not found; upload the file again.' };
  const inspection = await inspectUpload(db, orgId, input.entity, file);
  const problems = mappingProblems(inspection.sniff.headers, input.mapping, input.entity);
  if (input.mapping.length !== inspection.sniff.headers.length || problems.length) {
    return { error: problems.join(' ') || 'The column mapping does not match the file.' };
  }
  const options = {
    delimiter: inspection.sniff.delimiter,
    hasHeader: inspection.sniff.hasHeader,
    dateOrder: input.dateOrder,
    decimalSeparator: input.decimalSeparator,
    unknownCustomers: input.unknownCustomers,
  };
  const record = await createImportRecord(db, orgId, {
    entity: input.entity,
    fileName: input.fileName,
    fileSize: fs.statSync(file).size,
    storedFile: file,
    headers: inspection.sniff.headers,
    mapping: input.mapping,
    options,
    createdBy: member.user.id,
  });
  await saveMapping(db, orgId, input.entity, headerSignature(inspection.sniff.headers), input.mapping, options);
  await enqueueJob(db, orgId, 'import', { payload: { importId: record.id }, createdBy: member.user.id });
  wakeWorker();
  revalidatePath(`/w/${member.workspace.slug}/imports`);
  return { ok: true, message: `Importing ${input.fileName}…` };
});
