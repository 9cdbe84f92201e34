import { ApiError, urlFor } from './api-client.js';

/**
 * A large body (an imported file, a scanned certificate) goes up as JSON like every other API
 * body, but through XMLHttpRequest rather than the api client's fetch: fetch cannot report upload
 * progress, and several megabytes take a while on a slow line. Same origin, same session cookie,
 * same error shape.
 */

export type OnProgress = (loaded: number, total: number) => void;

export const aborted = () => new DOMException('The upload was cancelled.', 'AbortError');

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
 * Sends `body` as JSON to a route with upload progress; `answer` reads the status and the parsed
 * body (an HTML error page parses to undefined). `params` fill the route's ":name" segments.
 */
export function postWithProgress<T>(
  route: { method: string; path: string },
  body: unknown,
  callbacks: UploadCallbacks,
  answer: (status: number, body: unknown) => T,
  params?: Record<string, string>,
): Promise<T> {
  const { signal } = callbacks;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.open(route.method, urlFor(route, params));
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
