/**
 * Spreading the sittings over the SFU nodes the way production does: the server puts a sitting on
 * the least-loaded node, and a node's load is what it last announced in Redis (every 2 s). So
 * before the next sitting is placed, the previous one gets a first peer and its node announces it.
 */
import { http, pathFor, type SfuNodeState, sfuNodePattern } from '@adal/shared';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';

const ANNOUNCE_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sfuNodes(redisUrl: string, prefix: string): Promise<SfuNodeState[]> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(sfuNodePattern(prefix));
    const values = keys.length ? await redis.mget(...keys) : [];
    return values.flatMap((v) => (v ? [JSON.parse(v) as SfuNodeState] : []));
  } finally {
    redis.disconnect();
  }
}

/** One student of each sitting joins its media room, sitting after sitting; their sockets stay open. */
export async function placeSittings(
  baseUrl: string,
  redisUrl: string,
  prefix: string,
  sittings: { sittingId: string; token: string }[],
): Promise<{ placed: Record<string, string>; close(): void }> {
  const sockets: Socket[] = [];
  const placed: Record<string, string> = {};
  for (const { sittingId, token } of sittings) {
    const res = await fetch(baseUrl + pathFor(http.mediaToken.path, { sittingId }), {
      method: 'POST',
      headers: { cookie: `adal_session=${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    if (res.status !== 200) throw new Error(`mediaToken: ${res.status} ${await res.text()}`);
    const grant = (await res.json()) as { token: string; sfuUrl: string };
    placed[sittingId] = grant.sfuUrl;
    const socket = io(grant.sfuUrl, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token: grant.token },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const until = Date.now() + ANNOUNCE_WAIT_MS;
    while (Date.now() < until) {
      const node = (await sfuNodes(redisUrl, prefix)).find((n) => n.url === grant.sfuUrl);
      if ((node?.peers ?? 0) > 0) break;
      await sleep(250);
    }
  }
  return { placed, close: () => sockets.forEach((s) => s.close()) };
}
