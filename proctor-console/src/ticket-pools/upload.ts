import { http, type ImportTicketPoolBody } from '@adal/shared';
import { aborted, type OnProgress, postWithProgress, type UploadCallbacks } from '../banks/upload.js';
import { type PoolImportOutcome, poolImportOutcome } from './pool-import.js';

/**
 * A pool file goes up as JSON with its bytes in base64 (the server reads the encoding from them),
 * through XMLHttpRequest rather than the api client's fetch: fetch cannot report upload progress.
 * Same origin, same session cookie, same error shape. As the bank import does (banks/upload.ts).
 */

/** The file's bytes as they are on disk, with progress while large files are read. */
export function readFileBytes(file: Blob, onProgress: OnProgress, signal?: AbortSignal): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    reader.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    reader.onload = () => {
      done();
      onProgress(file.size, file.size);
      resolve(reader.result instanceof ArrayBuffer ? new Uint8Array(reader.result) : new Uint8Array());
    };
    reader.onerror = () => {
      done();
      reject(reader.error ?? new Error('the file could not be read'));
    };
    reader.onabort = () => {
      done();
      reject(aborted());
    };
    reader.readAsArrayBuffer(file);
  });
}

/** POST /api/ticket-pools/import with upload progress; resolves to what the answer means. */
export const uploadPool = (
  body: ImportTicketPoolBody,
  callbacks: UploadCallbacks,
): Promise<PoolImportOutcome> => postWithProgress(http.importTicketPool, body, callbacks, poolImportOutcome);
