import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type RecordingSegment,
  type SfuRecordingList,
  type SfuRecordingsDeleted,
  SfuRetentionBody,
} from '@adal/shared';
import { verifyServiceToken } from '@adal/shared/media-token';
import type { Logger } from 'pino';
import { RecordingError } from './recording/recording-error.js';
import type { RecordingInfo } from './recording/recording-store.js';
import type { Recordings } from './recording/recordings.js';
import { parseRecordingId } from './recording/segment.js';

/**
 * The SFU node's internal HTTP API for the main server (bearer service token, audience "sfu"):
 * list a sitting's recordings, download one as WebM, delete a sitting's recordings, run the
 * retention sweep. Paths come from shared `sfuInternal`. Browsers never call it.
 */
const LIST = /^\/internal\/sittings\/([A-Za-z0-9-]{1,64})\/recordings$/;
const FILE = /^\/internal\/sittings\/([A-Za-z0-9-]{1,64})\/recordings\/([A-Za-z0-9.-]{1,200})\/webm$/;
const RETENTION = '/internal/recordings/retention';
const MAX_BODY = 4096;

const STATUS: Record<RecordingError['code'], number> = {
  invalid_id: 400,
  not_found: 404,
  no_frames: 422,
  remux_failed: 500,
  ffmpeg_missing: 503,
};

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const segment = (r: RecordingInfo): RecordingSegment => ({
  id: r.id,
  sittingId: r.sittingId,
  studentId: r.studentId,
  source: r.source,
  kind: r.kind,
  start: r.start,
  end: r.end,
  bytes: r.bytes,
  status: r.status,
  combinedWith: r.combinedWith,
});

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpFailure(413, 'payload_too_large', 'Body too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpFailure(400, 'validation_failed', 'Body is not JSON.');
  }
}

async function authorise(req: IncomingMessage, secret: string): Promise<void> {
  const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (!bearer) throw new HttpFailure(401, 'unauthenticated', 'A service token is required.');
  await verifyServiceToken(bearer, secret, 'sfu').catch(() => {
    throw new HttpFailure(401, 'unauthenticated', 'Invalid service token.');
  });
}

async function sendRecording(res: ServerResponse, recordings: Recordings, sittingId: string, id: string) {
  // A recording of another sitting is "not found" here: the server checked access to this one.
  if (parseRecordingId(id)?.sittingId !== sittingId)
    throw new HttpFailure(404, 'not_found', `No recording ${id} in this sitting.`);
  const file = await recordings.exportRecording(id);
  const info = await stat(file);
  res.writeHead(200, { 'content-type': 'video/webm', 'content-length': String(info.size) });
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/** Returns false when the request is not for the internal API (the caller answers 404). */
export function internalApi(recordings: Recordings, secret: string, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://sfu').pathname;
    if (!path.startsWith('/internal/')) return false;
    try {
      await authorise(req, secret);
      const list = path.match(LIST);
      const file = path.match(FILE);
      if (list && req.method === 'GET') {
        const body: SfuRecordingList = {
          recordings: (await recordings.listRecordings(list[1] as string)).map(segment),
        };
        sendJson(res, 200, body);
      } else if (list && req.method === 'DELETE') {
        const body: SfuRecordingsDeleted = {
          deleted: await recordings.deleteSittingRecordings(list[1] as string),
        };
        log.info({ sittingId: list[1], segments: body.deleted.length }, 'sitting recordings deleted');
        sendJson(res, 200, body);
      } else if (file && req.method === 'GET') {
        await sendRecording(res, recordings, file[1] as string, file[2] as string);
      } else if (path === RETENTION && req.method === 'POST') {
        const parsed = SfuRetentionBody.safeParse(await readJson(req));
        if (!parsed.success) throw new HttpFailure(400, 'validation_failed', parsed.error.message);
        const body: SfuRecordingsDeleted = {
          deleted: await recordings.deleteOlderThan(parsed.data.olderThanDays),
        };
        log.info({ days: parsed.data.olderThanDays, segments: body.deleted.length }, 'retention sweep');
        sendJson(res, 200, body);
      } else {
        throw new HttpFailure(404, 'not_found', 'Nothing here.');
      }
    } catch (error) {
      const failure =
        error instanceof HttpFailure
          ? error
          : error instanceof RecordingError
            ? new HttpFailure(STATUS[error.code], error.code, error.message)
            : null;
      if (!failure) log.error({ err: error, path }, 'internal API failed');
      if (res.headersSent) res.destroy();
      else
        sendJson(res, failure?.status ?? 500, {
          error: { code: failure?.code ?? 'internal', message: failure?.message ?? 'Internal error.' },
        });
    }
    return true;
  };
}
