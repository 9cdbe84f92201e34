/**
 * One simulated student's uploads, as tus-js-client makes them: per page a POST, then the whole
 * photo in one PATCH; after a network error it waits (0, 1, 3, 5 s as tus-js-client's default
 * retry delays), asks how far the upload got (HEAD) and continues from there, or starts the page
 * again if the server no longer knows the upload.
 */
import { sheetUploadPath } from '@adal/shared';
import { SESSION_COOKIE } from '../../src/accounts/sessions.js';

export interface PageResult {
  /** 'ok', or what refused the page in the end. */
  outcome: string;
  /** POST until the finishing PATCH answered, seconds. */
  seconds: number;
  /** Network errors survived by resuming, with their causes. */
  errors: string[];
}

const RETRY_DELAYS_MS = [0, 1000, 3000, 5000];

const describe = (error: unknown) => {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  return `${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`;
};

const metadata = (page: number) =>
  [
    `pageNumber ${Buffer.from(String(page)).toString('base64')}`,
    `filename ${Buffer.from(`IMG_${page}.jpg`).toString('base64')}`,
  ].join(',');

async function uploadPage(baseUrl: string, sittingId: string, token: string, page: number, bytes: Buffer) {
  const headers = { 'Tus-Resumable': '1.0.0', cookie: `${SESSION_COOKIE}=${token}` };
  const started = performance.now();
  const errors: string[] = [];
  const done = (outcome: string): PageResult => ({
    outcome,
    seconds: (performance.now() - started) / 1000,
    errors,
  });
  let location: string | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      let offset = 0;
      if (location && attempt > 0) {
        const head = await fetch(baseUrl + location, { method: 'HEAD', headers });
        if (head.status === 404) location = undefined;
        else if (head.status === 200) offset = Number(head.headers.get('upload-offset'));
        else return done(`HEAD ${head.status}`);
      }
      if (!location) {
        const created = await fetch(baseUrl + sheetUploadPath(sittingId), {
          method: 'POST',
          headers: { ...headers, 'Upload-Length': String(bytes.length), 'Upload-Metadata': metadata(page) },
        });
        await created.arrayBuffer();
        location = created.headers.get('location') ?? undefined;
        if (created.status !== 201 || !location) return done(`POST ${created.status}`);
      }
      const patched = await fetch(baseUrl + location, {
        method: 'PATCH',
        headers: {
          ...headers,
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
        },
        body: bytes.subarray(offset),
      });
      await patched.arrayBuffer();
      if (patched.status === 204 && patched.headers.get('sheet-id')) return done('ok');
      return done(`PATCH ${patched.status}`);
    } catch (error) {
      errors.push(describe(error));
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) return done(`gave up: ${describe(error)}`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** The student's pages, one after another (page n is the n-th photo). */
export async function uploadPages(baseUrl: string, sittingId: string, token: string, photos: Buffer[]) {
  const results: PageResult[] = [];
  for (const [i, bytes] of photos.entries())
    results.push(await uploadPage(baseUrl, sittingId, token, i + 1, bytes));
  return results;
}
