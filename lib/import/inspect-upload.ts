import fs from 'node:fs';
import type { Database } from '@/lib/db/client';
import { headerSignature, mappingProblems, suggestMapping, type ColumnMapping } from './column-mapping';
import { detectDateOrder, type DateOrder } from './dates';
import type { ImportEntity } from './import-fields';
import { savedMapping, type ImportOptions } from './imports-store';
import { detectDecimalSeparator, type DecimalSeparator } from './numbers';
import { SNIFF_SAMPLE_CHARS, sniffCsv, type CsvSniffResult } from './sniff';
import { decodeUploadText } from './upload-text';

export type UploadInspection = {
  sniff: CsvSniffResult;
  mapping: ColumnMapping;
  mappingSource: 'saved' | 'suggested';
  dateOrder: DateOrder | 'ambiguous';
  decimalSeparator: DecimalSeparator | 'ambiguous';
  /** What must be fixed before the import can run (empty when it can). */
  problems: string[];
};

/** The first SNIFF_SAMPLE_CHARS of a stored upload as text (gunzipped, BOM removed); throws ImportFileError. */
export async function readUploadSample(file: string): Promise<{ text: string; complete: boolean }> {
  let text = '';
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of decodeUploadText(stream)) {
      text += chunk;
      if (text.length >= SNIFF_SAMPLE_CHARS) return { text, complete: false };
    }
    return { text, complete: true };
  } finally {
    stream.destroy();
  }
}

function columnSamples(sniff: CsvSniffResult, mapping: ColumnMapping, field: string): string[] {
  const index = mapping.indexOf(field);
  return index < 0 ? [] : sniff.sampleRows.map((row) => row[index] ?? '').filter(Boolean);
}

/** Sniffs an upload and proposes how to read it: the mapping saved for these headers, else one suggested from them. */
export async function inspectUpload(db: Database, orgId: string, entity: ImportEntity, file: string): Promise<UploadInspection> {
  const sample = await readUploadSample(file);
  const sniff = sniffCsv(sample.text, { complete: sample.complete });
  const saved = sniff.headers.length ? await savedMapping(db, orgId, entity, headerSignature(sniff.headers)) : null;
  const mapping = saved?.mapping ?? suggestMapping(sniff.headers, entity);
  const savedOptions = (saved?.options ?? {}) as Partial<ImportOptions>;
  const dates = columnSamples(sniff, mapping, entity === 'orders' ? 'ordered_at' : 'signup_date');
  return {
    sniff,
    mapping,
    mappingSource: saved ? 'saved' : 'suggested',
    dateOrder: savedOptions.dateOrder ?? (dates.length ? detectDateOrder(dates) : 'ymd'),
    decimalSeparator:
      savedOptions.decimalSeparator ??
      (entity === 'orders' ? detectDecimalSeparator([...columnSamples(sniff, mapping, 'revenue'), ...columnSamples(sniff, mapping, 'cost')]) : '.'),
    problems: sniff.problem ? [sniff.problem] : mappingProblems(sniff.headers, mapping, entity),
  };
}
