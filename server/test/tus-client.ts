/**
 * The tus 1.0 protocol spoken by hand over HTTP, as tus-js-client does in the browser: create
 * (POST), continue (PATCH), ask how far (HEAD), plus a PATCH whose connection drops halfway.
 */
import { request as httpRequest } from 'node:http';
import { sheetUploadPath } from '@adal/shared';

export interface TusResponse {
  status: number;
  headers: Headers;
  /** The JSON error body of a refusal, or the text of anything else. */
  body: any;
}

/** Upload-Metadata: `key base64(value)` pairs, comma-separated. */
export const uploadMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

export class TusClient {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string | undefined,
  ) {}

  async send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Uint8Array,
  ): Promise<TusResponse> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        'Tus-Resumable': '1.0.0',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body ? { body } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
  }

  create(
    sittingId: string,
    length: number,
    metadata: Record<string, string>,
    extra: Record<string, string> = {},
  ) {
    return this.send('POST', sheetUploadPath(sittingId), {
      'Upload-Length': String(length),
      'Upload-Metadata': uploadMetadata(metadata),
      ...extra,
    });
  }

  patch(location: string, offset: number, bytes: Uint8Array) {
    return this.send(
      'PATCH',
      location,
      { 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      bytes,
    );
  }

  head(location: string) {
    return this.send('HEAD', location, {});
  }

  /** Creates an upload for a page and sends all of it in one PATCH; the finishing response. */
  async upload(
    sittingId: string,
    pageNumber: number,
    bytes: Uint8Array,
    filename = `page-${pageNumber}.jpg`,
  ): Promise<TusResponse & { location?: string }> {
    const created = await this.create(sittingId, bytes.length, { pageNumber: String(pageNumber), filename });
    if (created.status !== 201) return created;
    const location = created.headers.get('location') as string;
    return { ...(await this.patch(location, 0, bytes)), location };
  }

  /** A HEAD with the path sent byte for byte, dot segments and all. */
  rawHead(path: string): Promise<{ status: number }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(this.baseUrl, {
        method: 'HEAD',
        path,
        headers: { 'Tus-Resumable': '1.0.0', ...(this.cookie ? { cookie: this.cookie } : {}) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
      req.on('error', reject);
      req.end();
    });
  }

  /**
   * A PATCH that sends `bytes` from `offset` but loses its connection once `sent` of them are
   * out and `arrived()` says the server has them.
   */
  async patchAndDrop(
    location: string,
    offset: number,
    bytes: Uint8Array,
    sent: number,
    arrived: () => boolean,
  ): Promise<void> {
    const req = httpRequest(new URL(location, this.baseUrl), {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(bytes.length),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
    });
    // The hang-up is the point of the exercise.
    req.on('error', () => undefined);
    req.write(bytes.subarray(0, sent));
    const deadline = Date.now() + 10_000;
    while (!arrived()) {
      if (Date.now() > deadline) throw new Error('the first bytes never reached the server');
      await new Promise((r) => setTimeout(r, 20));
    }
    req.destroy();
  }
}
