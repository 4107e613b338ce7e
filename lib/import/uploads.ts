import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Largest upload accepted (IMPORT_MAX_MB, default 500 MB). */
export const MAX_UPLOAD_BYTES = Number(process.env.IMPORT_MAX_MB || 500) * 1024 * 1024;

export class UploadTooLargeError extends Error {
  constructor() {
    super(`The file is larger than ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB. Split it, or compress it as .csv.gz.`);
  }
}

function uploadRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR || '.data/uploads');
}

/** Where a workspace's upload lives: the org comes from the gate, the id is a UUID, so no path can be forged. */
export function storedUploadPath(orgId: string, uploadId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(uploadId) || !/^[0-9a-f-]{36}$/.test(orgId)) throw new Error('Invalid upload id.');
  return path.join(uploadRoot(), orgId, uploadId);
}

/** Streams a request body to disk without buffering it, enforcing the size limit as it goes. */
export async function storeUpload(orgId: string, body: ReadableStream<Uint8Array>): Promise<{ uploadId: string; file: string; bytes: number }> {
  const uploadId = crypto.randomUUID();
  const file = storedUploadPath(orgId, uploadId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let bytes = 0;
  const limited = Readable.fromWeb(body as never).map((chunk: Uint8Array) => {
    bytes += chunk.length;
    if (bytes > MAX_UPLOAD_BYTES) throw new UploadTooLargeError();
    return chunk;
  });
  try {
    await pipeline(limited, fs.createWriteStream(file));
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return { uploadId, file, bytes };
}

export function deleteStoredUpload(file: string | null): void {
  if (file) fs.rmSync(file, { force: true });
}
