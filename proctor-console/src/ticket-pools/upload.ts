import { http, type ImportTicketPoolBody } from '@adal/shared';
import { ApiError, urlFor } from '@adal/shared/web';
import { type PoolImportOutcome, poolImportOutcome } from './pool-import.js';

/**
 * A pool file goes up as JSON with its bytes in base64 (the server reads the encoding from them),
 * through XMLHttpRequest rather than the api client's fetch: fetch cannot report upload progress.
 * Same origin, same session cookie, same error shape. As the bank import does (banks/upload.ts).
 */

type OnProgress = (loaded: number, total: number) => void;

const aborted = () => new DOMException('The import was cancelled.', 'AbortError');

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

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // an HTML error page: the status still gives the error code
  }
}

export interface UploadCallbacks {
  onUploadProgress: OnProgress;
  /** Every byte is sent; the server is now checking the file. */
  onUploaded: () => void;
  signal?: AbortSignal;
}

/** POST /api/ticket-pools/import with upload progress; resolves to what the answer means. */
export function uploadPool(
  body: ImportTicketPoolBody,
  callbacks: UploadCallbacks,
): Promise<PoolImportOutcome> {
  const route = http.importTicketPool;
  const { signal } = callbacks;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.open(route.method, urlFor(route));
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'text';
    // Upload listeners must be attached before send().
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) callbacks.onUploadProgress(event.loaded, event.total);
    };
    xhr.upload.onload = () => callbacks.onUploaded();
    xhr.onload = () => {
      done();
      resolve(poolImportOutcome(xhr.status, parseBody(xhr.responseText)));
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError('network', `${route.method} ${route.path} failed to reach the server`, 0));
    };
    xhr.onabort = () => {
      done();
      reject(aborted());
    };
    xhr.send(JSON.stringify(body));
  });
}
