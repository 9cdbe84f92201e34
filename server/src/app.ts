import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, MAX_DOCUMENT_PHOTO_BYTES, MAX_EVIDENCE_BYTES, MAX_FACE_PHOTO_BYTES } from '@adal/shared';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';
import pkg from '../package.json' with { type: 'json' };
import { sessionMiddleware } from './accounts/session-middleware.js';
import { SHEET_UPLOADS_MOUNT, sheetUploads } from './answer-sheets/sheet-uploads.js';
import type { AppContext } from './app-context.js';
import { PaperCache } from './attempts/paper-cache.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { HttpError } from './http/http-error.js';
import { mountRoutes } from './http/mount-routes.js';
import { consume, createRateLimits } from './http/rate-limits.js';
import { staticApps } from './http/static-apps.js';
import { registerJobs } from './jobs/register-jobs.js';
import type { JobScheduler } from './jobs/scheduler.js';
import type { Logger } from './logger.js';
import { RedisSfuDirectory, singleSfu } from './media/sfu-directory.js';
import { liveEvents } from './realtime/live-events.js';
import { type AppServer, attachSocketHandlers, createSocketServer } from './realtime/socket-server.js';
import { routeTable } from './routes.js';

export interface AppDeps {
  config: Config;
  log: Logger;
  database: Database;
  scheduler: JobScheduler;
  /** Present in production mode: shared rate limits and the socket.io Redis adapter. */
  redis?: Redis;
}

export interface App {
  ctx: AppContext;
  httpServer: HttpServer;
  io: AppServer;
  /** Listens on config.port (0 = any free port) and resolves with the port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** 2 MB of characters, up to 3 bytes each in UTF-8, plus JSON escapes. */
const BANK_IMPORT_BODY_BYTES = 8 * 1024 * 1024;

/** A 5 MB evidence file as base64 (4 characters per 3 bytes), plus the explanation and file name. */
const MAKE_UP_BODY_BYTES = Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4 + 64 * 1024;

/** An identity check's two photos (≤ 300 KB and ≤ 1 MB) as base64, plus what the device measured. */
const IDENTITY_BODY_BYTES = Math.ceil((MAX_FACE_PHOTO_BYTES + MAX_DOCUMENT_PHOTO_BYTES) / 3) * 4 + 64 * 1024;

/** Bodies are JSON only; anything else with content is refused before parsing. */
const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json'))
    return next(new HttpError('unsupported_media_type', 'Send the request body as application/json.'));
  next();
};

export function createApp(deps: AppDeps): App {
  const { config, log, database, scheduler, redis } = deps;
  const app = express();
  const httpServer = createServer(app);
  const io = createSocketServer(httpServer, config.bodyLimitBytes, redis, config.queuePrefix);
  const ctx: AppContext = {
    config,
    log,
    version: pkg.version,
    database,
    db: database.db,
    scheduler,
    limits: createRateLimits(config, redis),
    live: liveEvents(io as never),
    papers: new PaperCache(database.db),
    // Several SFU nodes announce themselves in Redis; otherwise one SFU serves every sitting.
    sfu:
      redis && config.sfuMode === 'external'
        ? new RedisSfuDirectory(redis, config.queuePrefix)
        : singleSfu(config.sfuPublicUrl),
  };

  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: log,
      // 4xx are the client's business (info); only 5xx are ours to look at.
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
    }),
  );
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The SFU is another origin (its own port or host): the pages must be allowed to reach it.
          'connect-src': ["'self'", ...config.sfuOrigins],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          // The on-device checks (TF.js, tesseract, face-api) compile WebAssembly; no eval otherwise.
          'script-src': ["'self'", "'wasm-unsafe-eval'"],
          'upgrade-insecure-requests': config.cookieSecure ? [] : null,
        },
      },
      // HSTS only where the site is served over HTTPS (production); a development host keeps http.
      strictTransportSecurity: config.cookieSecure,
    }),
  );

  const api = express.Router();
  api.use((req, _res, next) => consume(ctx.limits.api, req.ip ?? 'unknown').then(() => next(), next));
  // A bank file (≤ 2 MB of text, mostly Cyrillic) or a ticket pool file (≤ 2 MB, sent as base64)
  // needs more room than any other body.
  api.use(
    [http.importBank.path, http.importTicketPool.path].map((path) => path.replace(/^\/api/, '')),
    jsonOnly,
    express.json({ limit: BANK_IMPORT_BODY_BYTES }),
  );
  // A make-up application carries its evidence file (≤ 5 MB) as base64.
  api.use(
    http.applyForMakeUp.path.replace(/^\/api/, ''),
    jsonOnly,
    express.json({ limit: MAKE_UP_BODY_BYTES }),
  );
  // An identity check carries its face and document photos as base64.
  api.use(
    http.submitIdentityCheck.path.replace(/^\/api/, ''),
    jsonOnly,
    express.json({ limit: IDENTITY_BODY_BYTES }),
  );
  // Answer-sheet photos over tus: streamed to disk, so before any body parser.
  api.use(SHEET_UPLOADS_MOUNT, sheetUploads(ctx, redis));
  api.use(jsonOnly, express.json({ limit: config.bodyLimitBytes }));
  api.use(sessionMiddleware(database.db));
  api.use(mountRoutes(routeTable, ctx));
  api.use(apiNotFound);
  app.use('/api', api);

  if (config.serveApps) {
    const apps = staticApps();
    if (apps.missing.length) log.warn({ missing: apps.missing }, 'app builds missing; run npm run build');
    app.use(apps.router);
  }
  app.use((req, _res, next) => next(new HttpError('not_found', `Nothing at ${req.path}.`)));
  app.use(errorHandler(log));

  attachSocketHandlers(io, ctx);
  registerJobs(ctx);

  return {
    ctx,
    httpServer,
    io,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () =>
          resolve((httpServer.address() as AddressInfo).port),
        );
      }),
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
