import { http, type ImportBankBody } from '@adal/shared';
import { ApiError, urlFor } from '@adal/shared/web';
import { type ImportOutcome, importOutcome } from './import-file.js';

/**
 * A bank file goes up as JSON like every other API body, but through XMLHttpRequest rather
 * than the api client's fetch: fetch cannot report upload progress, and a 2 MB Cyrillic file
 * is several megabytes on a slow line. Same origin, same session cookie, same error shape.
 */

export type OnProgress = (loaded: number, total: number) => void;

export const aborted = () => new DOMException('The import was cancelled.', 'AbortError');

/** The file's text as UTF-8, with progress while large files are read. */
export function readFileText(file: Blob, onProgress: OnProgress, signal?: AbortSignal): Promise<string> {
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
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => {
      done();
      reject(reader.error ?? new Error('the file could not be read'));
    };
    reader.onabort = () => {
      done();
      reject(aborted());
    };
    reader.readAsText(file, 'utf-8');
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

/**
 * POSTs `body` as JSON to an import route with upload progress; `answer` reads the status and the
 * parsed body (an HTML error page parses to undefined). Shared by the bank and ticket-pool imports.
 */
export function postWithProgress<T>(
  route: { method: string; path: string },
  body: unknown,
  callbacks: UploadCallbacks,
  answer: (status: number, body: unknown) => T,
): Promise<T> {
  const { signal } = callbacks;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.open(route.method, urlFor(route));
    xhr.withCredentials = true; // same origin: the session cookie goes anyway; this says so
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
      resolve(answer(xhr.status, parseBody(xhr.responseText)));
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

/** POST /api/banks/import with upload progress; resolves to what the answer means. */
export const uploadBank = (body: ImportBankBody, callbacks: UploadCallbacks): Promise<ImportOutcome> =>
  postWithProgress(http.importBank, body, callbacks, importOutcome);
