import { createHash } from 'node:crypto';
import type { LogEntry } from '@adal/shared';
import type { TestClient } from '../http-client.js';
import { TusClient, type TusResponse } from '../tus-client.js';

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Sends each page in pieces, as the exam client's tus upload does in 1 MB chunks (smaller here). */
const CHUNK_BYTES = 48 * 1024;
const REQUEST_TIMEOUT_MS = 20_000;
const RETRY_DELAY_MS = 1000;

const within = <T>(p: Promise<T>, ms = REQUEST_TIMEOUT_MS): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))]);

/** What the student was told is stored: a page with its id, or a log entry with its place and hash. */
export interface StoredPage {
  pageNumber: number;
  sheetId: string;
  sha256: string;
}

/** Successful requests with when they were sent, for the recovery time. */
export type Successes = { sentAt: number; at: number }[];

/** Runs `attempt` until it resolves to a value, waiting between tries; undefined once stopped. */
async function untilDone<T>(
  stopped: () => boolean,
  attempt: () => Promise<T | undefined>,
  onFailure: () => void,
): Promise<T | undefined> {
  while (!stopped()) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    onFailure();
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
  }
  return undefined;
}

/**
 * A student of a written exam photographing their answer sheets: each page goes over tus in
 * pieces; after a failure the upload continues from the offset the server reports (HEAD), or
 * starts again when the server no longer has it, as tus-js-client does in the exam client.
 */
export class SheetWriter {
  readonly stored: StoredPage[] = [];
  readonly successes: Successes = [];
  failures = 0;
  private readonly tus: TusClient;
  private stopped = false;

  constructor(
    readonly client: TestClient,
    readonly sittingId: string,
  ) {
    this.tus = new TusClient(client.baseUrl, client.cookie);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Uploads the pages one after another, `gapMs` apart. */
  async uploadPages(pages: Uint8Array[], gapMs: number): Promise<void> {
    for (const [i, bytes] of pages.entries()) {
      if (this.stopped) return;
      const sheetId = await this.uploadPage(i + 1, bytes);
      if (sheetId) this.stored.push({ pageNumber: i + 1, sheetId, sha256: sha256(bytes) });
      await new Promise((r) => setTimeout(r, gapMs));
    }
  }

  private timed = async (request: () => Promise<TusResponse>): Promise<TusResponse> => {
    const sentAt = Date.now();
    const res = await within(request());
    if (res.status < 300) this.successes.push({ sentAt, at: Date.now() });
    return res;
  };

  private async uploadPage(pageNumber: number, bytes: Uint8Array): Promise<string | undefined> {
    let location: string | undefined;
    let offset = 0;
    return untilDone(
      () => this.stopped,
      async () => {
        if (!location) {
          const created = await this.timed(() =>
            this.tus.create(this.sittingId, bytes.length, {
              pageNumber: String(pageNumber),
              filename: `page-${pageNumber}.jpg`,
            }),
          );
          if (created.status !== 201) throw new Error(`create ${created.status}`);
          location = created.headers.get('location') as string;
          offset = 0;
        } else {
          const head = await this.timed(() => this.tus.head(location as string));
          if (head.status === 404 || head.status === 410) {
            location = undefined; // finished and refused, or lost: start the page again
            throw new Error('upload gone');
          }
          if (head.status !== 200) throw new Error(`head ${head.status}`);
          offset = Number(head.headers.get('upload-offset'));
          if (offset >= bytes.length) {
            // Every byte arrived but no answer came: the same photo again is the stored page, if any.
            location = undefined;
            throw new Error('finished without an answer');
          }
        }
        while (offset < bytes.length) {
          const piece = bytes.subarray(offset, offset + CHUNK_BYTES);
          const res = await this.timed(() => this.tus.patch(location as string, offset, piece));
          if (res.status !== 204) throw new Error(`patch ${res.status}`);
          offset = Number(res.headers.get('upload-offset'));
          const sheetId = res.headers.get('sheet-id');
          if (offset >= bytes.length) {
            if (!sheetId) throw new Error('finished without a page id');
            return sheetId;
          }
        }
        return undefined;
      },
      () => this.failures++,
    );
  }
}

/**
 * Log entries written while the sitting runs: the student's messages to the proctor and the
 * proctor's violations. Each is sent until the server answers 201; an entry whose answer was
 * lost may be written twice (the routes have no idempotency key), which loses nothing.
 */
export class LogWriter {
  readonly acked: { studentId: string; entry: LogEntry }[] = [];
  readonly successes: Successes = [];
  failures = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;

  stop(): Promise<void> {
    this.stopped = true;
    return this.loop ?? Promise.resolve();
  }

  /** Writes one entry every `everyMs`, each made by `write(n)` for the student it names. */
  start(
    everyMs: number,
    write: (n: number) => { studentId: string; send: () => ReturnType<TestClient['call']> },
  ) {
    this.loop = (async () => {
      for (let n = 0; !this.stopped; n++) {
        const { studentId, send } = write(n);
        const entry = await untilDone(
          () => this.stopped,
          async () => {
            const sentAt = Date.now();
            const res = await within(send());
            if (res.status !== 201) throw new Error(`log entry ${res.status}`);
            this.successes.push({ sentAt, at: Date.now() });
            return res.body as LogEntry;
          },
          () => this.failures++,
        );
        if (entry) this.acked.push({ studentId, entry });
        await new Promise((r) => setTimeout(r, everyMs));
      }
    })();
  }
}
