import type { Logger } from 'pino';
import { MEDIA_CODECS } from '../media-codecs.js';
import type { WorkerPool } from '../worker-pool.js';
import { SittingRoom } from './sitting-room.js';

/**
 * Rooms by sitting. Creation goes through a promise per sitting (an await-queue), so two students
 * joining at the same moment never create two routers for one sitting.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<SittingRoom>>();
  private readonly open = new Set<SittingRoom>();

  constructor(
    private readonly pool: WorkerPool,
    private readonly log: Logger,
    private readonly hooks: { created(room: SittingRoom): void; closed(room: SittingRoom): void },
    /** A sitting with more peers than this spreads over several workers' routers. */
    private readonly peersPerRouter = Number.POSITIVE_INFINITY,
  ) {}

  get(sittingId: string): Promise<SittingRoom> {
    let room = this.rooms.get(sittingId);
    if (!room) {
      room = this.create(sittingId);
      this.rooms.set(sittingId, room);
      // A failed creation is forgotten so the next join tries again.
      room.catch(() => this.rooms.delete(sittingId));
    }
    return room;
  }

  /** Routers per worker over every open room: where the next router should go. */
  private workerLoad(): number[] {
    const load = new Array<number>(this.pool.size).fill(0);
    for (const room of this.open) for (const w of room.routers.workers()) load[w] = (load[w] ?? 0) + 1;
    return load;
  }

  private leastLoadedWorker(exclude: number[] = []): number | null {
    const load = this.workerLoad();
    let best: number | null = null;
    for (const [i, n] of load.entries()) {
      // A worker that just died is not replaced yet: a router there would fail at once.
      if (exclude.includes(i) || this.pool.worker(i).closed) continue;
      if (best === null || n < (load[best] ?? 0)) best = i;
    }
    return best;
  }

  private async create(sittingId: string): Promise<SittingRoom> {
    const index = this.leastLoadedWorker() ?? 0;
    const router = await this.pool.worker(index).createRouter({ mediaCodecs: MEDIA_CODECS });
    const room = new SittingRoom(sittingId, router, index, {
      peersPerRouter: this.peersPerRouter,
      grow: async (used) => {
        const next = this.leastLoadedWorker(used);
        if (next === null) return null;
        this.log.info({ sittingId, worker: next }, 'sitting spreads to another worker');
        return {
          router: await this.pool.worker(next).createRouter({ mediaCodecs: MEDIA_CODECS }),
          workerIndex: next,
        };
      },
    });
    room.once('closed', () => {
      this.rooms.delete(sittingId);
      this.open.delete(room);
      this.log.info({ sittingId, worker: index }, 'room closed');
      this.hooks.closed(room);
    });
    this.open.add(room);
    this.hooks.created(room);
    this.log.info({ sittingId, worker: index }, 'room created');
    return room;
  }

  /** What this node carries, for the load it announces. */
  load(): { rooms: number; peers: number; producers: number } {
    let peers = 0;
    let producers = 0;
    for (const room of this.open) {
      peers += room.peers.size;
      producers += room.producers().length;
    }
    return { rooms: this.open.size, peers, producers };
  }

  closeAll(): void {
    for (const room of this.rooms.values()) void room.then((r) => r.close());
  }
}
