import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import {
  type ApiErrorResponse,
  type ErrorCode,
  fieldErrors,
  Id,
  SHEET_MAX_BYTES,
  SHEET_RESPONSE_HEADERS,
  SheetUploadMetadata,
  sheetUploadPath,
} from '@adal/shared';
import { FileStore } from '@tus/file-store';
import { EVENTS, Server as TusServer, type Upload } from '@tus/server';
import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { actorFromCookie } from '../accounts/session-middleware.js';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { forbidden, HttpError, unauthenticated } from '../http/http-error.js';
import { consume } from '../http/rate-limits.js';
import { acceptPhoto } from './accept-photo.js';
import { stagingDir } from './sheet-files.js';
import { precheckPage } from './store-sheet.js';
import { requireUploadOpen } from './upload-access.js';

/** Where Express mounts the endpoint (under /api). */
export const SHEET_UPLOADS_MOUNT = sheetUploadPath(':sittingId').replace(/^\/api/, '');
/** Uploads a student may start per window: every page twice over, with room for retries. */
export const SHEET_UPLOAD_CREATIONS = 60;
export const SHEET_UPLOAD_WINDOW_SECONDS = 10 * 60;
/** An unfinished upload is kept this long for the client to resume it. */
const RESUMABLE_FOR_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 3600_000;
const TUS_VERSION = '1.0.0';
const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** Who is uploading to which sitting: set by the Express handler, read by the tus hooks. */
interface UploadRequest {
  actor: Actor;
  sittingId: string;
}
const requests = new WeakMap<IncomingMessage, UploadRequest>();

/** The tus hooks get a WHATWG request; the Node request it wraps carries our context. */
function contextOf(req: unknown): UploadRequest {
  const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
  const found = node && requests.get(node);
  if (!found) throw new Error('tus request without an upload context');
  return found;
}

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const MB = 1024 * 1024;
/** tus's own refusals in the API's words. */
const TUS_MESSAGES: Partial<Record<number, string>> = {
  404: 'No such upload (it was finished, cancelled or has expired); start the upload again.',
  410: 'This upload has expired; start it again.',
  413: `The photo is larger than ${SHEET_MAX_BYTES / MB} MB; send a smaller one.`,
};

/** Every refusal of the endpoint has the API's JSON error body, tus's own too. */
function errorBody(error: unknown, log: AppContext['log']): { status_code: number; body: string } {
  let status = 500;
  let payload: ApiErrorResponse['error'];
  if (error instanceof HttpError) {
    status = error.status;
    payload = { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  } else if (error && typeof error === 'object' && 'status_code' in error && 'body' in error) {
    status = Number(error.status_code);
    const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
    const message = TUS_MESSAGES[status] ?? String(error.body).trim();
    payload = { code, message };
    if (status >= 500) log.error({ err: error }, 'answer-sheet upload failed');
  } else {
    log.error({ err: error }, 'answer-sheet upload failed');
    payload = { code: 'internal', message: 'Something went wrong on our side; nothing was saved.' };
  }
  return { status_code: status, body: JSON.stringify({ error: payload } satisfies ApiErrorResponse) };
}

/** The page number and file name the client sent (Upload-Metadata), checked with the contract. */
function pageMetadata(upload: Upload): SheetUploadMetadata {
  const sent = Object.fromEntries(
    Object.entries(upload.metadata ?? {}).filter((e): e is [string, string] => e[1] !== null),
  );
  const parsed = SheetUploadMetadata.safeParse(sent);
  if (!parsed.success)
    throw new HttpError(
      'validation_failed',
      'Invalid Upload-Metadata.',
      fieldErrors(parsed.error, 'metadata'),
    );
  return parsed.data;
}

function makeTus(ctx: AppContext): TusServer {
  // FileStore would create it without waiting; the first sweep must find it.
  mkdirSync(stagingDir(ctx.config), { recursive: true });
  const datastore = new FileStore({
    directory: stagingDir(ctx.config),
    expirationPeriodInMilliseconds: RESUMABLE_FOR_MS,
  });
  const tus = new TusServer({
    path: sheetUploadPath(':sittingId'),
    datastore,
    maxSize: SHEET_MAX_BYTES,
    // Same origin only: no Access-Control-Allow-Origin header at all.
    allowedOrigins: [],
    namingFunction: () => randomBytes(16).toString('hex'),
    getFileIdFromRequest: (_req, lastPath) => (lastPath && UPLOAD_ID.test(lastPath) ? lastPath : undefined),
    // A relative Location: `<sheetUploadPath>/<id>`, whatever host name the client used.
    generateUrl: (req, { id }) => `${new URL(req.url).pathname.replace(/\/+$/, '')}/${id}`,
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return;
      // An upload is its creator's: anyone else is told it does not exist.
      const { actor, sittingId } = contextOf(req);
      const upload = await datastore.getUpload(id);
      if (upload.metadata?.studentId !== actor.id || upload.metadata?.sittingId !== sittingId)
        throw new HttpError('not_found', TUS_MESSAGES[404] as string);
    },
    async onUploadCreate(req, upload) {
      const { actor, sittingId } = contextOf(req);
      if (upload.size === 0) throw new HttpError('validation_failed', 'The photo is empty.');
      const meta = pageMetadata(upload);
      await precheckPage(ctx.db, { sittingId, studentId: actor.id, pageNumber: meta.pageNumber });
      return {
        metadata: {
          pageNumber: String(meta.pageNumber),
          ...(meta.filename ? { filename: meta.filename } : {}),
          sittingId,
          studentId: actor.id,
        },
      };
    },
    async onUploadFinish(req, upload) {
      const { actor, sittingId } = contextOf(req);
      try {
        // Set at creation from the client's checked metadata, with the server's own keys beside it.
        const { pageNumber } = SheetUploadMetadata.pick({ pageNumber: true }).parse({
          pageNumber: upload.metadata?.pageNumber,
        });
        const file = path.join(stagingDir(ctx.config), upload.id);
        const { row, duplicate } = await acceptPhoto(
          ctx,
          { sittingId, studentId: actor.id, pageNumber },
          file,
        );
        return {
          headers: {
            [SHEET_RESPONSE_HEADERS.id]: row.id,
            [SHEET_RESPONSE_HEADERS.page]: String(row.pageNumber),
            ...(duplicate ? { [SHEET_RESPONSE_HEADERS.duplicate]: '1' } : {}),
          },
        };
      } catch (error) {
        // A refused photo leaves nothing behind; the client starts a new upload to try again.
        await datastore.remove(upload.id).catch(() => undefined);
        throw error;
      }
    },
    onResponseError: (_req, error) => errorBody(error, ctx.log),
  });
  // The bytes are in the page's files now (or were the same photo): the upload is done with.
  tus.on(EVENTS.POST_FINISH, (_req: unknown, _res: unknown, upload: Upload) => {
    datastore.remove(upload.id).catch(() => undefined);
  });
  return tus;
}

/**
 * The tus endpoint for a sitting's answer-sheet photos (POST creates an upload, HEAD tells how
 * far it got, PATCH continues it, DELETE cancels it). Authorised like every API route, by the
 * session cookie: only a student of the sitting's group, admitted, whose sitting is not over.
 * Mounted before the JSON body parser: the bytes stream to disk, never into memory.
 */
export function sheetUploads(ctx: AppContext, redis: Redis | undefined): RequestHandler {
  let tus: TusServer | undefined;
  let lastSweep = 0;
  const creations = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${ctx.config.queuePrefix}:rl:sheet-uploads`,
        points: SHEET_UPLOAD_CREATIONS,
        duration: SHEET_UPLOAD_WINDOW_SECONDS,
      })
    : new RateLimiterMemory({
        keyPrefix: 'sheet-uploads',
        points: SHEET_UPLOAD_CREATIONS,
        duration: SHEET_UPLOAD_WINDOW_SECONDS,
      });

  const authorise = async (req: Request): Promise<UploadRequest> => {
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && URL.canParse(origin) && new URL(origin).host !== req.headers.host)
      throw forbidden('Answer sheets are uploaded from this site only.');
    const actor = await actorFromCookie(ctx.db, req.headers.cookie);
    if (!actor) throw unauthenticated();
    if (actor.role !== 'student') throw forbidden('Only students upload answer sheets.');
    const sittingId = Id.safeParse(req.params.sittingId);
    if (!sittingId.success)
      throw new HttpError('validation_failed', 'Invalid request params.', [
        { path: 'params.sittingId', message: 'not a sitting id' },
      ]);
    if (req.method === 'GET')
      throw new HttpError(
        'not_found',
        'Uploads cannot be read back; the stored pages are listed at …/sheets.',
      );
    await requireUploadOpen(ctx.db, actor.id, sittingId.data);
    if (req.method === 'POST') {
      if (req.headers['upload-defer-length'] !== undefined)
        throw new HttpError('validation_failed', 'Send the photo size in Upload-Length.', [
          { path: 'headers.upload-length', message: 'required' },
        ]);
      await consume(creations, actor.id);
    }
    return { actor, sittingId: sittingId.data };
  };

  return async (req, res, next) => {
    res.setHeader('Tus-Resumable', TUS_VERSION);
    try {
      if (req.method !== 'OPTIONS') requests.set(req, await authorise(req));
      tus ??= makeTus(ctx);
      if (req.method === 'POST' && Date.now() - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = Date.now();
        tus.cleanUpExpiredUploads().catch((err) => ctx.log.warn({ err }, 'sweeping expired uploads failed'));
      }
      // Express cut the mount path off req.url; tus reads the upload id from the full path.
      req.url = req.originalUrl;
      await tus.handle(req, res);
    } catch (error) {
      next(error);
    }
  };
}
