'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import type { ActionState } from '@/lib/auth/gate';
import { customTarget, mappingProblems } from '@/lib/import/column-mapping';
import type { DateOrder } from '@/lib/import/dates';
import { IMPORT_FIELDS } from '@/lib/import/import-fields';
import { isRejection, RowValidator } from '@/lib/import/row-validator';
import type { UploadedFile } from './upload-panel';

const selectClass = 'block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600';

type Props = { uploaded: UploadedFile; action: (state: ActionState, formData: FormData) => Promise<ActionState>; onClose: () => void };

/** Confirm how each column is read, see the first rows parsed with that mapping, then start the import. */
export function MappingStep({ uploaded, action, onClose }: Props) {
  const { inspection, entity } = uploaded;
  const headers = inspection.sniff.headers;
  const fields = IMPORT_FIELDS[entity];
  const router = useRouter();
  const [mapping, setMapping] = useState(inspection.mapping);
  const [dateOrder, setDateOrder] = useState<DateOrder | ''>(inspection.dateOrder === 'ambiguous' ? '' : inspection.dateOrder);
  const [decimalSeparator, setDecimalSeparator] = useState<'.' | ','>(inspection.decimalSeparator === ',' ? ',' : '.');
  const [state, submit, pending] = useActionState(action, {});

  useEffect(() => {
    if (state.ok) {
      onClose();
      router.refresh();
    }
  }, [state.ok, onClose, router]);

  const sniffProblem = inspection.sniff.problem;
  const problems = useMemo(
    () => (sniffProblem ? [sniffProblem] : mappingProblems(headers, mapping, entity)),
    [sniffProblem, headers, mapping, entity],
  );
  const preview = useMemo(() => {
    if (problems.length || !dateOrder) return null;
    const validator = new RowValidator(entity, headers, mapping, { dateOrder, decimalSeparator });
    const firstLine = inspection.sniff.hasHeader ? 2 : 1;
    return inspection.sniff.previewRows.map((fields, i) => ({ fields, result: validator.validate({ line: firstLine + i, fields }) }));
  }, [problems.length, dateOrder, decimalSeparator, entity, headers, mapping, inspection.sniff]);
  const previewRejects = preview?.filter((row) => isRejection(row.result)) ?? [];

  return (
    <form action={submit} className="space-y-5">
      <input type="hidden" name="uploadId" value={uploaded.uploadId} />
      <input type="hidden" name="fileName" value={uploaded.fileName} />
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="mapping" value={JSON.stringify(mapping)} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-base font-semibold text-gray-900">Map the columns of {uploaded.fileName}</h3>
          <p className="text-sm text-gray-600">
            {entity === 'customers' ? 'Customers' : 'Orders'} · {headers.length} columns ·{' '}
            {inspection.mappingSource === 'saved' ? 'the mapping you confirmed last time for these headers' : 'suggested from the header names'}
          </p>
        </div>
        <button type="button" onClick={onClose} className="text-sm font-medium text-gray-600 hover:text-gray-900">
          Choose another file
        </button>
      </div>

      <div className="overflow-x-auto rounded-lg ring-1 ring-gray-200">
        <table className="min-w-full text-sm" aria-label="Column mapping and preview">
          <thead className="bg-gray-50 align-top">
            <tr>
              {headers.map((header, i) => (
                <th key={i} scope="col" className="min-w-40 px-3 py-2 text-left font-semibold text-gray-900">
                  <div className="mb-1 truncate" title={header}>{header}</div>
                  <label className="sr-only" htmlFor={`map-${i}`}>Field for column {header}</label>
                  <select
                    id={`map-${i}`}
                    className={selectClass}
                    value={mapping[i] ?? ''}
                    onChange={(event) => setMapping(mapping.map((target, j) => (j === i ? event.target.value || null : target)))}
                  >
                    <option value="">Ignore</option>
                    {fields.map((field) => (
                      <option key={field.name} value={field.name}>
                        {field.label}
                        {field.required ? ' *' : ''}
                      </option>
                    ))}
                    {entity === 'customers' && <option value={customTarget(header)}>Custom attribute “{header}”</option>}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {inspection.sniff.previewRows.map((row, r) => (
              <tr key={r} className={preview && isRejection(preview[r].result) ? 'bg-red-50' : undefined}>
                {headers.map((_, i) => (
                  <td key={i} className="max-w-56 truncate px-3 py-1.5 text-gray-700" title={row[i]}>
                    {row[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {problems.length > 0 ? (
        <FormError message={problems.join(' ')} />
      ) : preview ? (
        <div className="text-sm" aria-live="polite">
          <p className={previewRejects.length ? 'text-amber-800' : 'text-emerald-800'}>
            Preview: {preview.length - previewRejects.length} of {preview.length} rows read correctly with this mapping.
          </p>
          {previewRejects.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-amber-900">
              {previewRejects.map((row) => isRejection(row.result) && <li key={row.result.line}>Line {row.result.line}: {row.result.reason}</li>)}
            </ul>
          )}
          <p className="mt-1 text-gray-600">Rows that cannot be read are skipped and listed for download after the import.</p>
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <label className="text-sm">
          <span className="font-medium text-gray-900">Dates are written</span>
          <select name="dateOrder" className={`mt-1 ${selectClass}`} value={dateOrder} onChange={(event) => setDateOrder(event.target.value as DateOrder)} required>
            <option value="" disabled>
              Choose — day and month are ambiguous
            </option>
            <option value="ymd">Year first (2024-05-01)</option>
            <option value="dmy">Day first (01/05/2024)</option>
            <option value="mdy">Month first (05/01/2024)</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium text-gray-900">Decimal separator</span>
          <select name="decimalSeparator" className={`mt-1 ${selectClass}`} value={decimalSeparator} onChange={(event) => setDecimalSeparator(event.target.value as '.' | ',')}>
            <option value=".">Point (1,234.56)</option>
            <option value=",">Comma (1.234,56)</option>
          </select>
        </label>
        {entity === 'orders' && (
          <label className="text-sm">
            <span className="font-medium text-gray-900">Orders of unknown customers</span>
            <select name="unknownCustomers" className={`mt-1 ${selectClass}`} defaultValue="create">
              <option value="create">Create the customer</option>
              <option value="reject">Skip the order</option>
            </select>
          </label>
        )}
      </div>

      <FormError message={state.error} />
      <Button type="submit" disabled={pending || problems.length > 0 || !dateOrder}>
        {pending ? 'Starting…' : 'Import'}
      </Button>
    </form>
  );
}
