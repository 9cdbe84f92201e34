import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHEET_MAX_BYTES, SHEET_RESPONSE_HEADERS, sheetUploadPath } from '@adal/shared';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload as TusUpload } from '@tus/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SITTING } from './fixtures.js';
import { CHUNK_BYTES, type StoredPage, startSheetUpload } from './sheet-upload.js';
import type { SheetRefusal } from './upload-refusal.js';

/**
 * The upload against a real tus server (@tus/server with a file store, as the API uses): chunks,
 * metadata, a connection dropped mid-upload and resumed, and refusals. Node has no browser file
 * reading for tus, so the test reads the File's bytes itself.
 */

const blobReader = {
  openFile: async (input: Blob) => ({
    size: input.size,
    slice: async (start: number, end: number) => {
      const value = Object.assign(Buffer.from(await input.slice(start, end).arrayBuffer()), {
        size: Math.min(end, input.size) - start,
      });
      return { value, done: end >= input.size };
    },
    close() {},
  }),
};

interface Seen {
  method: string;
  offset: string | undefined;
}

let directory: string;
let http: HttpServer;
let origin: string;
let seen: Seen[] = [];
/** What the next upload's hooks do; reset after each test. */
let behaviour: {
  dropPatch?: number;
  refuseCreate?: number;
  refuseFinish?: number;
  duplicate?: boolean;
} = {};
let finished: TusUpload[] = [];
let patches = 0;

const errorBody = (code: string) => JSON.stringify({ error: { code, message: 'refused' } });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'adal-sheets-'));
  const tus = new TusServer({
    path: sheetUploadPath(SITTING),
    datastore: new FileStore({ directory }),
    maxSize: SHEET_MAX_BYTES,
    async onUploadCreate() {
      if (behaviour.refuseCreate)
        throw {
          status_code: behaviour.refuseCreate,
          body: errorBody(behaviour.refuseCreate === 409 ? 'conflict' : 'forbidden'),
        };
      return {};
    },
    async onUploadFinish(_req, upload) {
      if (behaviour.refuseFinish) throw { status_code: 415, body: errorBody('unsupported_media_type') };
      finished.push(upload);
      // As the API does: the stored page's id, and whether it was the same photo already.
      return {
        headers: {
          [SHEET_RESPONSE_HEADERS.id]: `sheet-${upload.id}`,
          ...(behaviour.duplicate ? { [SHEET_RESPONSE_HEADERS.duplicate]: '1' } : {}),
        },
      };
    },
  });
  http = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? '', offset: req.headers['upload-offset'] as string | undefined });
    // The network drops in the middle of a chunk: the client gets no answer at all.
    if (req.method === 'PATCH' && ++patches === behaviour.dropPatch) {
      req.once('data', () => req.socket.destroy());
      return;
    }
    void tus.handle(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(() => {
  patches = 0;
  seen = [];
  behaviour = {};
  finished = [];
});

afterAll(async () => {
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await rm(directory, { recursive: true, force: true });
});

/** A photo-sized file of recognisable bytes. */
function photo(bytes: number, name = 'page.jpg'): File {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + (i >> 10)) & 0xff;
  return new File([data], name, { type: 'image/jpeg' });
}

type Outcome =
  | { ok: true; progress: number[]; stored: StoredPage }
  | { ok: false; refusal: SheetRefusal; progress: number[] };

function upload(file: File, pageNumber: number): Promise<Outcome> {
  const progress: number[] = [];
  return new Promise((resolve) => {
    startSheetUpload(
      SITTING,
      pageNumber,
      file,
      {
        onProgress: (sent) => progress.push(sent),
        onSuccess: (stored) => resolve({ ok: true, progress, stored }),
        onError: (refusal) => resolve({ ok: false, refusal, progress }),
      },
      { origin, fileReader: blobReader as never },
    );
  });
}

describe('startSheetUpload', () => {
  it('sends the photo in 1 MB chunks with the page number and file name', async () => {
    const file = photo(Math.round(2.5 * CHUNK_BYTES), 'IMG_2041.jpg');
    const outcome = await upload(file, 3);
    expect(outcome.ok).toBe(true);
    expect(seen.map((s) => s.method)).toEqual(['POST', 'PATCH', 'PATCH', 'PATCH']);
    expect(seen.filter((s) => s.method === 'PATCH').map((s) => Number(s.offset))).toEqual([
      0,
      CHUNK_BYTES,
      2 * CHUNK_BYTES,
    ]);
    expect(outcome.progress.at(-1)).toBe(file.size);
    const [stored] = finished;
    expect(outcome).toMatchObject({ stored: { sheetId: `sheet-${stored?.id}`, duplicate: false } });
    expect(stored?.metadata).toEqual({ pageNumber: '3', filename: 'IMG_2041.jpg' });
    const bytes = await readFile(join(directory, stored?.id ?? ''));
    expect(bytes.equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
  });

  it('resumes from the stored offset after the connection drops mid-chunk', async () => {
    behaviour.dropPatch = 2;
    const file = photo(3 * CHUNK_BYTES);
    const outcome = await upload(file, 1);
    expect(outcome.ok).toBe(true);
    // The dropped chunk is asked about (HEAD) and sent again from where the server stopped, not from 0.
    const methods = seen.map((s) => s.method);
    expect(methods).toContain('HEAD');
    const afterHead = seen.slice(methods.indexOf('HEAD') + 1).filter((s) => s.method === 'PATCH');
    expect(Number(afterHead[0]?.offset)).toBe(CHUNK_BYTES);
    expect(methods.filter((m) => m === 'POST')).toHaveLength(1);
    const bytes = await readFile(join(directory, finished[0]?.id ?? ''));
    expect(bytes.equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
  });

  it('passes on that the server already had this very photo as the page', async () => {
    behaviour.duplicate = true;
    const outcome = await upload(photo(1500), 4);
    expect(outcome).toMatchObject({ ok: true, stored: { duplicate: true } });
  });

  it('stops at once when the server refuses the sitting (409 with a reason), without retrying', async () => {
    behaviour.refuseCreate = 409;
    const outcome = await upload(photo(1000), 1);
    expect(outcome).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(seen.map((s) => s.method)).toEqual(['POST']);
  });

  it('says the file type is refused when the server finds no photo in the bytes', async () => {
    behaviour.refuseFinish = 415;
    const outcome = await upload(photo(2000, 'notes.jpg'), 2);
    expect(outcome).toMatchObject({ ok: false, refusal: 'wrongType' });
    expect(seen.filter((s) => s.method === 'PATCH')).toHaveLength(1);
  });

  it('refuses a photo over the limit without sending it', async () => {
    const big = { size: SHEET_MAX_BYTES + 1, name: 'huge.jpg' } as File;
    const outcome = await upload(big, 1);
    expect(outcome).toMatchObject({ ok: false, refusal: 'tooBig' });
    expect(seen).toEqual([]);
  });
});
