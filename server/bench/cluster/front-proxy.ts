/**
 * A small front proxy: one port in front of several server processes, as nginx or a cloud load
 * balancer would stand in production. Each new client goes to the next process in turn (round
 * robin): plain API requests one by one (sessions live in PostgreSQL, so any process serves any
 * request), each WebSocket for its whole life.
 *
 * socket.io's HTTP long-polling needs every request of one engine.io session on the process that
 * made it. The proxy reads the session id (`sid`) from the polling handshake's answer and sends
 * every later request carrying that sid — polls and the upgrade to a websocket — to the same
 * process. No cookie is needed, so browsers and scripts behave alike.
 *
 * `x-adal-backend: <index>` pins a request or socket to one process: the benchmark and the
 * cluster test use it to raise a violation on one process and watch on another on purpose.
 */
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export const PIN_HEADER = 'x-adal-backend';
/** Which process answered: set on every proxied HTTP response. */
export const SERVED_BY_HEADER = 'x-adal-served-by';
/** Polling sessions remembered at most; the oldest are forgotten first. */
const MAX_STICKY_SIDS = 100_000;

export interface BackendStats {
  url: string;
  /** HTTP requests (API calls and socket.io polls), not upgrades. */
  requests: number;
  /** WebSocket upgrades handed to this process, and how many are still open. */
  upgrades: number;
  openSockets: number;
  /** Requests and upgrades routed by the pin header. */
  pinned: number;
  /** Requests and upgrades routed by a polling session id. */
  sticky: number;
  failed: number;
}

export interface FrontProxy {
  url: string;
  port: number;
  stats(): BackendStats[];
  close(): Promise<void>;
}

interface Backend {
  host: string;
  port: number;
  agent: Agent;
  stats: BackendStats;
}

const SOCKET_IO_PATH = '/socket.io/';

function queryOf(url: string | undefined): URLSearchParams {
  const i = url?.indexOf('?') ?? -1;
  return new URLSearchParams(i >= 0 ? url?.slice(i + 1) : '');
}

/** Headers without the hop-by-hop ones: each side of the proxy keeps its own connections. */
function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { connection: _c, 'keep-alive': _k, 'proxy-connection': _p, ...rest } = headers;
  return rest;
}

/** The sid of an engine.io polling handshake answer: `0{"sid":"…",…}`. */
function handshakeSid(body: string): string | undefined {
  return /"sid":"([^"]+)"/.exec(body)?.[1];
}

export async function startFrontProxy(
  backendUrls: string[],
  options: { host?: string; port?: number } = {},
): Promise<FrontProxy> {
  if (!backendUrls.length) throw new Error('the front proxy needs at least one server process');
  const backends: Backend[] = backendUrls.map((u) => {
    const url = new URL(u);
    return {
      host: url.hostname,
      port: Number(url.port),
      // No keep-alive to the servers: a reused connection the server has just closed as idle
      // would fail the request (a 502); a fresh local connection costs little.
      agent: new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY }),
      stats: { url: u, requests: 0, upgrades: 0, openSockets: 0, pinned: 0, sticky: 0, failed: 0 },
    };
  });
  const bySid = new Map<string, number>();
  const upgraded = new Set<Duplex>();
  // Requests and websockets take turns apart, so API calls in between do not skew where sockets go.
  const turns = { request: 0, upgrade: 0 };

  /** Pin header, then polling session, then the next process in turn. */
  function choose(
    req: IncomingMessage,
    kind: keyof typeof turns,
  ): { index: number; how: 'pinned' | 'sticky' | 'turn' } {
    const pin = Number(req.headers[PIN_HEADER]);
    if (Number.isInteger(pin) && pin >= 0 && pin < backends.length) return { index: pin, how: 'pinned' };
    if (req.url?.startsWith(SOCKET_IO_PATH)) {
      const sid = queryOf(req.url).get('sid');
      const known = sid ? bySid.get(sid) : undefined;
      if (known !== undefined) return { index: known, how: 'sticky' };
    }
    const index = turns[kind];
    turns[kind] = (index + 1) % backends.length;
    return { index, how: 'turn' };
  }

  function count(b: Backend, how: 'pinned' | 'sticky' | 'turn') {
    if (how === 'pinned') b.stats.pinned++;
    if (how === 'sticky') b.stats.sticky++;
  }

  function remember(sid: string, index: number) {
    if (bySid.size >= MAX_STICKY_SIDS) bySid.delete(bySid.keys().next().value as string);
    bySid.set(sid, index);
  }

  const forwarded = (req: IncomingMessage) => ({
    ...endToEnd(req.headers),
    'x-forwarded-for': req.socket.remoteAddress ?? '',
    'x-forwarded-proto': 'http',
  });

  function proxyRequest(req: IncomingMessage, res: ServerResponse) {
    const { index, how } = choose(req, 'request');
    const b = backends[index] as Backend;
    b.stats.requests++;
    count(b, how);
    const query = queryOf(req.url);
    const pollingHandshake =
      req.url?.startsWith(SOCKET_IO_PATH) && query.get('transport') === 'polling' && !query.get('sid');
    const upstream = request(
      {
        host: b.host,
        port: b.port,
        method: req.method,
        path: req.url,
        headers: forwarded(req),
        agent: b.agent,
      },
      (answer) => {
        const headers = { ...endToEnd(answer.headers), [SERVED_BY_HEADER]: String(index) };
        if (!pollingHandshake || answer.headers['content-encoding']) {
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          return;
        }
        // The handshake answer is a few hundred bytes: read it whole to learn the sid.
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const sid = handshakeSid(body.toString());
          if (sid) remember(sid, index);
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => {
      b.stats.failed++;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"bad_gateway","message":"The server process did not answer."}}');
    });
    req.pipe(upstream);
  }

  function proxyUpgrade(req: IncomingMessage, client: Duplex, head: Buffer) {
    const { index, how } = choose(req, 'upgrade');
    const b = backends[index] as Backend;
    b.stats.upgrades++;
    count(b, how);
    const upstream: Socket = connect(b.port, b.host);
    let open = false;
    const closeBoth = () => {
      if (open) b.stats.openSockets--;
      open = false;
      upgraded.delete(client);
      client.destroy();
      upstream.destroy();
    };
    upstream.once('connect', () => {
      open = true;
      b.stats.openSockets++;
      upgraded.add(client);
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      lines.push(`X-Forwarded-For: ${req.socket.remoteAddress ?? ''}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (!open) b.stats.failed++;
      closeBoth();
    });
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    client.on('close', closeBoth);
    // A polling session that moved to a websocket needs no more stickiness.
    const sid = queryOf(req.url).get('sid');
    if (sid) client.once('close', () => bySid.delete(sid));
  }

  const server = createServer(proxyRequest);
  server.on('upgrade', proxyUpgrade);
  // Many simulated students connect at once from one machine.
  server.maxConnections = 100_000;
  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  return {
    url: `http://${host}:${port}`,
    port,
    stats: () => backends.map((b) => ({ ...b.stats })),
    async close() {
      for (const socket of upgraded) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const b of backends) b.agent.destroy();
    },
  };
}
