'use client';

import { useState } from 'react';
import { FormError } from '@/components/ui/field';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ActionState } from '@/lib/auth/gate';
import type { ImportEntity } from '@/lib/import/import-fields';
import type { UploadInspection } from '@/lib/import/inspect-upload';
import { MappingStep } from './mapping-step';

export type UploadedFile = { uploadId: string; fileName: string; bytes: number; entity: ImportEntity; inspection: UploadInspection };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Sends the file as the raw request body, so the server can stream it to disk; XHR reports upload progress. */
function uploadFile(url: string, file: File, onProgress: (loaded: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => {
      let body: { error?: string } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // handled below
      }
      if (request.status === 200 && body.uploadId) resolve(body as UploadedFile);
      else reject(new Error(body.error ?? `The upload failed (HTTP ${request.status}). Try again.`));
    };
    request.onerror = () => reject(new Error('The upload was interrupted. Check the connection and try again.'));
    request.send(file);
  });
}

export function UploadPanel({ slug, action }: { slug: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [entity, setEntity] = useState<ImportEntity>('customers');
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<string>();
  const [uploaded, setUploaded] = useState<UploadedFile | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    setProgress({ loaded: 0, total: file.size });
    try {
      const url = `/w/${slug}/imports/upload?${new URLSearchParams({ entity, name: file.name })}`;
      setUploaded(await uploadFile(url, file, (loaded) => setProgress({ loaded, total: file.size })));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setProgress(null);
    }
  }

  if (uploaded) return <MappingStep uploaded={uploaded} action={action} onClose={() => setUploaded(null)} />;

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-gray-900">What does the file hold?</legend>
        <div className="mt-2 flex gap-6 text-sm">
          {(['customers', 'orders'] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="entity" value={option} checked={entity === option} onChange={() => setEntity(option)} />
              {option === 'customers' ? 'Customers' : 'Orders'}
            </label>
          ))}
        </div>
      </fieldset>
      <label
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void send(event.dataTransfer.files[0]);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center text-sm ${
          dragging ? 'border-indigo-500 bg-indigo-50' : 'border-gray-300 bg-white hover:border-indigo-400'
        }`}
      >
        <span className="font-semibold text-indigo-700">Choose a CSV file</span>
        <span className="mt-1 text-gray-600">or drop it here · .csv or .csv.gz, comma, semicolon or tab separated, UTF-8</span>
        <input
          type="file"
          accept=".csv,.txt,.gz,text/csv"
          className="sr-only"
          aria-label={`Upload a ${entity} CSV file`}
          disabled={progress !== null}
          onChange={(event) => {
            void send(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {progress && (
        <ProgressBar value={progress.total ? progress.loaded / progress.total : 0} label={`Uploading ${megabytes(progress.loaded)} of ${megabytes(progress.total)}`} />
      )}
      <FormError message={error} />
    </div>
  );
}
