import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SfuConfig } from './config.js';
import { internalApi } from './internal-api.js';
import { loadMediasoup } from './load-mediasoup.js';
import { NodeAnnouncer } from './node-announcer.js';
import { Recordings } from './recording/recordings.js';
import { RoomRegistry } from './rooms/room-registry.js';
import { ServerLink } from './server-link.js';
import { createSignalling, relayRoomEvents, roomOf, type SfuServer } from './signalling/signalling-server.js';
import { WorkerPool } from './worker-pool.js';

export interface Sfu {
  io: SfuServer;
  httpServer: HttpServer;
  pool: WorkerPool;
  rooms: RoomRegistry;
  /** Recording of every student source, and its listing/export/retention API. */
  recordings: Recordings;
  /** Set once listening when REDIS_URL is set: this node's announcement of itself and its load. */
  readonly node: NodeAnnouncer | undefined;
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** The SFU service: workers, a router per sitting, token-authenticated signalling, /health. */
export async function createSfu(config: SfuConfig, log: Logger): Promise<Sfu> {
  const recordings = await Recordings.create(config.recording, log);
  const mediasoup = await loadMediasoup();
  const pool = new WorkerPool(mediasoup, config, log);
  await pool.start();
  const internal = internalApi(recordings, config.mediaTokenSecret, log);
  const httpServer = createServer(async (req, res) => {
    if (await internal(req, res)) return;
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', pid: process.pid, workers: pool.pids().length }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: 'Nothing here.' } }));
  });
  let io: SfuServer | undefined;
  let announcer: NodeAnnouncer | undefined;
  let closed = false;
  const serverLink = config.serverInternalUrl
    ? new ServerLink(config.serverInternalUrl, config.mediaTokenSecret, log)
    : undefined;
  if (!serverLink) log.warn('SERVER_INTERNAL_URL unset: media source events are not reported to the server');
  const rooms = new RoomRegistry(
    pool,
    log,
    {
      created: (room) => {
        if (io) relayRoomEvents(io, room);
        serverLink?.watch(room);
        recordings.attach(room);
      },
      // A room whose worker died is gone: its clients are disconnected and reconnect by themselves.
      closed: (room) => io?.in(roomOf(room.sittingId)).disconnectSockets(true),
    },
    config.peersPerRouter,
  );
  io = createSignalling(httpServer, rooms, config, log);
  return {
    io,
    httpServer,
    pool,
    rooms,
    recordings,
    get node() {
      return announcer;
    },
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const port = (httpServer.address() as AddressInfo).port;
          if (!config.redisUrl) return resolve(port);
          const url = config.publicUrl ?? `http://${config.host}:${port}`;
          const load = () => ({ workers: pool.size, ...rooms.load() });
          announcer = new NodeAnnouncer(config.redisUrl, config.queuePrefix, url, load, log, config.nodeId);
          announcer.start().then(() => resolve(port), reject);
        });
      }),
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => io?.close(() => resolve()));
      await recordings.close();
      rooms.closeAll();
      await announcer?.close();
      serverLink?.close();
      pool.close();
    },
  };
}
