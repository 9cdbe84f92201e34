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
import { actorFromCookie, sessionToken } from '../accounts/session-middleware.js';
import { sessionTokenHash } from '../accounts/sessions.js';
import type { AppContext } from '../app-context.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { consume } from '../http/rate-limits.js';
import { type EventDef, eventHandlers } from './event-handlers.js';
import { sessionRoom, userRoom } from './live-events.js';

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { actor: Actor }
>;

export function createSocketServer(
  httpServer: HttpServer,
  bodyLimit: number,
  redis: Redis | undefined,
  prefix: string,
): AppServer {
  const io: AppServer = new Server(httpServer, { maxHttpBufferSize: bodyLimit, serveClient: false });
  if (redis) io.adapter(createAdapter(redis, redis.duplicate(), { key: `${prefix}:socket.io` }));
  return io;
}

function toErrorBody(error: unknown, ctx: AppContext): ApiErrorBody {
  if (error instanceof HttpError)
    return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  ctx.log.error({ err: error }, 'socket handler failed');
  return { code: 'internal', message: 'Something went wrong on our side; nothing was saved.' };
}

async function runEvent<E extends ClientEventName>(socket: Socket, name: E, raw: unknown, ctx: AppContext) {
  const def = eventHandlers[name] as unknown as EventDef<E>;
  await consume(ctx.limits.socketEvents, socket.id);
  // The session may have expired or been ended since the socket connected: check it every time.
  const actor = await actorFromCookie(ctx.db, socket.request.headers.cookie);
  if (!actor) {
    setImmediate(() => socket.disconnect(true));
    throw new HttpError('unauthenticated', 'Your session has ended; log in again.');
  }
  socket.data.actor = actor;
  if (def.access !== 'authenticated' && !def.access.includes(actor.role))
    throw new HttpError('forbidden', 'You may not do this.');
  const parsed = clientEventSchemas[name].safeParse(raw);
  if (!parsed.success)
    throw new HttpError(
      'validation_failed',
      `Invalid ${name} payload.`,
      fieldErrors(parsed.error, 'payload'),
    );
  const payload = parsed.data as Parameters<ClientToServerEvents[E]>[0];
  if (def.owns && !(await def.owns(actor, payload, ctx)))
    throw new HttpError('forbidden', 'This is not one of your sittings.');
  return def.handle(socket, payload, ctx);
}

/** Authenticates sockets by the session cookie and wires every client event to its handler. */
export function attachSocketHandlers(io: AppServer, ctx: AppContext): void {
  io.use(async (socket, next) => {
    try {
      const actor = await actorFromCookie(ctx.db, socket.request.headers.cookie);
      if (!actor) return next(new Error('unauthenticated'));
      socket.data.actor = actor;
      next();
    } catch (error) {
      ctx.log.error({ err: error }, 'socket authentication failed');
      next(new Error('internal'));
    }
  });
  io.on('connection', (socket) => {
    const token = sessionToken(socket.request.headers.cookie) ?? '';
    void socket.join([userRoom(socket.data.actor.id), sessionRoom(sessionTokenHash(token))]);
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
