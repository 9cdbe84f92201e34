import {
  SfuNodeState as NodeSchema,
  type SfuNodeState,
  sfuNodeLoad,
  sfuNodePattern,
  sfuNodeSeenKey,
  sfuPlacementKey,
} from '@adal/shared';
import type { Redis } from 'ioredis';
import { HttpError } from '../http/http-error.js';

/**
 * The sitting's node is gone (killed outright reports nothing): called with its last announcement
 * before the sitting moves, so its sources' stops can be recorded; a failure leaves it unmoved.
 */
export type OnLostNode = (lastSeen: Date) => Promise<void>;

/** Where a sitting's media goes: which SFU node its students and watchers connect to. */
export interface SfuDirectory {
  urlFor(sittingId: string, onLostNode?: OnLostNode): Promise<string>;
  /** Every live node: a sitting's recordings may sit on any node it was ever placed on. */
  allUrls(): Promise<string[]>;
}

/** One SFU (the embedded child, or a single external one): every sitting goes there. */
export const singleSfu = (url: string): SfuDirectory => ({
  urlFor: async () => url,
  allUrls: async () => [url],
});

const PLACEMENT_TTL_SECONDS = 24 * 3600;

/**
 * Several SFU nodes announced in Redis. A sitting stays on the node it was placed on while that
 * node lives; otherwise it goes to the least-loaded live node. SET NX settles races between
 * server processes placing the same sitting at once.
 */
export class RedisSfuDirectory implements SfuDirectory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async liveNodes(): Promise<SfuNodeState[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', sfuNodePattern(this.prefix), 'COUNT', 100);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (!keys.length) return [];
    const values = await this.redis.mget(...keys);
    return values.flatMap((v) => {
      const parsed = v ? NodeSchema.safeParse(JSON.parse(v)) : undefined;
      return parsed?.success ? [parsed.data] : [];
    });
  }

  async allUrls(): Promise<string[]> {
    return (await this.liveNodes()).map((n) => n.url);
  }

  async urlFor(sittingId: string, onLostNode?: OnLostNode): Promise<string> {
    const nodes = await this.liveNodes();
    const key = sfuPlacementKey(this.prefix, sittingId);
    const placed = await this.redis.get(key);
    const current = nodes.find((n) => n.nodeId === placed);
    if (current) return current.url;
    const best = [...nodes].sort((a, b) => sfuNodeLoad(a) - sfuNodeLoad(b))[0];
    if (!best) throw new HttpError('service_unavailable', 'No media server is available right now.');
    if (placed && onLostNode) {
      const seen = await this.redis.get(sfuNodeSeenKey(this.prefix, placed));
      await onLostNode(seen ? new Date(seen) : new Date());
    }
    // Replace a placement on a dead node; keep a live one another process just made.
    const won = placed
      ? await this.redis.set(key, best.nodeId, 'EX', PLACEMENT_TTL_SECONDS)
      : await this.redis.set(key, best.nodeId, 'EX', PLACEMENT_TTL_SECONDS, 'NX');
    if (won) return best.url;
    const winnerId = await this.redis.get(key);
    return (nodes.find((n) => n.nodeId === winnerId) ?? best).url;
  }
}
