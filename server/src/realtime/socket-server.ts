import type { Server as HttpServer } from 'node:http';
import {
  type Ack,
  type ApiErrorBody,
  CLIENT_EVENTS,
  type ClientEventName,
  type ClientToServerEvents,
  clientEventSchemas,
  fieldErrors,
  type ServerToClientEvents,
} from '@adal/shared';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { sessionFromCookie, sessionToken } from '../accounts/session-middleware.js';
import { sessionTokenHash } from '../accounts/sessions.js';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { NUL_MESSAGE, nulTextPath } from '../http/nul-text.js';
import { consume } from '../http/rate-limits.js';
import { logConnection } from '../proctoring/connection-log.js';
import { type EventDef, eventHandlers } from './event-handlers.js';
import { sessionRoom, userRoom } from './live-events.js';

/** What a socket remembers of its session between lookups. */
export interface SocketData {
  actor: Actor;
  /** Session expiry (ms since epoch) as of the last lookup. */
  expiresAt: number;
  checkedAt: number;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function createSocketServer(
  httpServer: HttpServer,
  bodyLimit: number,
  redis: Redis | undefined,
  prefix: string,
): AppServer {
  const io: AppServer = new Server(httpServer, { maxHttpBufferSize: bodyLimit, serveClient: false });
  if (redis) {
    // The adapter publishes without awaiting: a publish that failed (the shared connection gives
    // up after 3 retries) was an unhandled rejection that ended the process when Redis
    // restarted. Its own publishing connection waits for Redis to come back instead.
    const pub = redis.duplicate({ maxRetriesPerRequest: null });
    const sub = redis.duplicate();
    io.adapter(createAdapter(pub, sub, { key: `${prefix}:socket.io` }));
    httpServer.once('close', () => {
      pub.disconnect();
      sub.disconnect();
    });
  }
  return io;
}

function toErrorBody(error: unknown, ctx: AppContext): ApiErrorBody {
  if (error instanceof HttpError)
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  ctx.log.error({ err: error }, 'socket handler failed');
  return { code: 'internal', message: 'Something went wrong on our side; nothing was saved.' };
}

/**
 * The socket's user if its session is still live. Expiry is checked on every event from the time
 * remembered at the last lookup; the database is asked again every SOCKET_SESSION_RECHECK_SECONDS
 * (a logout closes the session's sockets at once on every process, so this only bounds other
 * changes, such as a session cut short in the database).
 */
async function liveActor(socket: Socket, ctx: AppContext): Promise<Actor | null> {
  const now = Date.now();
  const data = socket.data as SocketData;
  if (now >= data.expiresAt) return null;
  if (now - data.checkedAt < ctx.config.socketSessionRecheckSeconds * 1000) return data.actor;
  const session = await sessionFromCookie(ctx.db, socket.request.headers.cookie);
  if (!session) return null;
  Object.assign(data, { actor: session.actor, expiresAt: session.expiresAt.getTime(), checkedAt: now });
  return session.actor;
}

async function runEvent<E extends ClientEventName>(socket: Socket, name: E, raw: unknown, ctx: AppContext) {
  const def = eventHandlers[name] as unknown as EventDef<E>;
  await consume(ctx.limits.socketEvents, socket.id);
  const actor = await liveActor(socket, ctx);
  if (!actor) {
    setImmediate(() => socket.disconnect(true));
    throw new HttpError('unauthenticated', 'Your session has ended; log in again.');
  }
  if (def.access !== 'authenticated' && !def.access.includes(actor.role))
    throw new HttpError('forbidden', 'You may not do this.');
  const parsed = clientEventSchemas[name].safeParse(raw);
  if (!parsed.success)
    throw new HttpError(
      'validation_failed',
      `Invalid ${name} payload.`,
      fieldErrors(parsed.error, 'payload'),
    );
  const nul = nulTextPath(parsed.data);
  if (nul)
    throw new HttpError('validation_failed', `Invalid ${name} payload.`, [
      { path: ['payload', ...nul].join('.'), message: NUL_MESSAGE },
    ]);
  const payload = parsed.data as Parameters<ClientToServerEvents[E]>[0];
  if (def.owns && !(await def.owns(actor, payload, ctx)))
    throw new HttpError('forbidden', 'This is not one of your sittings.');
  return def.handle(socket, payload, ctx);
}

/** Logs a student's first socket opening and last socket closing (any process, via the adapter). */
function followStudentConnection(io: AppServer, socket: Socket, ctx: AppContext): void {
  const studentId = (socket.data as SocketData).actor.id;
  // Counting sockets goes through the adapter (other processes answer, or time out) and can fail
  // while the server shuts down: a failure is logged, never left unhandled.
  const logIf = async (state: 'connected' | 'disconnected', reason: string, most: number) => {
    try {
      const all = await io.in(userRoom(studentId)).fetchSockets();
      if (all.length <= most) await logConnection(ctx, studentId, state, reason);
    } catch (error) {
      ctx.log.error({ err: error, studentId }, 'could not log a connection event');
    }
  };
  void logIf('connected', 'socket opened', 1);
  socket.on('disconnect', (reason) => void logIf('disconnected', reason, 0));
}

/** Authenticates sockets by the session cookie and wires every client event to its handler. */
export function attachSocketHandlers(io: AppServer, ctx: AppContext): void {
  io.use(async (socket, next) => {
    try {
      const session = await sessionFromCookie(ctx.db, socket.request.headers.cookie);
      if (!session) return next(new Error('unauthenticated'));
      Object.assign(socket.data, {
        actor: session.actor,
        expiresAt: session.expiresAt.getTime(),
        checkedAt: Date.now(),
      } satisfies SocketData);
      next();
    } catch (error) {
      ctx.log.error({ err: error }, 'socket authentication failed');
      next(new Error('internal'));
    }
  });
  io.on('connection', (socket) => {
    const token = sessionToken(socket.request.headers.cookie) ?? '';
    const actor = socket.data.actor;
    void socket.join([userRoom(actor.id), sessionRoom(sessionTokenHash(token))]);
    if (actor.role === 'student') followStudentConnection(io, socket, ctx);
    for (const name of CLIENT_EVENTS) {
      socket.on(name, async (raw: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (a: Ack<unknown>) => void) : undefined;
        try {
          const data = await runEvent(socket, name, raw, ctx);
          reply?.({ ok: true, data });
        } catch (error) {
          const body = toErrorBody(error, ctx);
          if (body.code === 'forbidden')
            ctx.log.warn(
              { actor: socket.data.actor.id, role: socket.data.actor.role, event: name },
              'refused',
            );
          reply?.({ ok: false, error: body });
        }
      });
    }
  });
}
