import { hostname } from 'node:os';
import {
  SFU_NODE_ANNOUNCE_MS,
  SFU_NODE_SEEN_TTL_SECONDS,
  SFU_NODE_TTL_SECONDS,
  type SfuNodeState,
  sfuNodeKey,
  sfuNodeSeenKey,
} from '@adal/shared';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface NodeLoad {
  workers: number;
  rooms: number;
  peers: number;
  producers: number;
}

/** Announces this SFU node and its load in Redis every two seconds; removes itself on close. */
export class NodeAnnouncer {
  readonly nodeId: string;
  private readonly redis: Redis;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly publicUrl: string,
    private readonly load: () => NodeLoad,
    private readonly log: Logger,
    nodeId?: string,
  ) {
    this.nodeId = nodeId ?? `${hostname()}-${process.pid}`;
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  }

  state(): SfuNodeState {
    return { nodeId: this.nodeId, url: this.publicUrl, ...this.load(), updatedAt: new Date().toISOString() };
  }

  async announce(): Promise<void> {
    const state = this.state();
    const results = await this.redis
      .multi()
      .set(sfuNodeKey(this.prefix, this.nodeId), JSON.stringify(state), 'EX', SFU_NODE_TTL_SECONDS)
      // Outlives the announcement: if this process is killed, the server dates the gaps from it.
      .set(sfuNodeSeenKey(this.prefix, this.nodeId), state.updatedAt, 'EX', SFU_NODE_SEEN_TTL_SECONDS)
      .exec();
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) throw failed;
  }

  async start(): Promise<void> {
    await this.announce();
    this.timer = setInterval(() => {
      this.announce().catch((err) => this.log.warn({ err }, 'could not announce this SFU node'));
    }, SFU_NODE_ANNOUNCE_MS);
    this.log.info({ nodeId: this.nodeId, url: this.publicUrl }, 'SFU node announced');
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(sfuNodeKey(this.prefix, this.nodeId));
    this.redis.disconnect();
  }
}
