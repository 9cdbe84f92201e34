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
  /** Which worker each sitting's router lives on. */
  private readonly placed = new Map<string, number>();
  private readonly open = new Set<SittingRoom>();
  /** Which worker each sitting's router lives on. */
  constructor(
    private readonly pool: WorkerPool,
    private readonly log: Logger,
    private readonly hooks: { created(room: SittingRoom): void; closed(room: SittingRoom): void },
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

  async count(): Promise<number> {
    return this.rooms.size;
  }

  /** The least-loaded worker: fewest rooms placed on it. */
  private leastLoadedWorker(): number {
    const load = new Array<number>(this.pool.size).fill(0);
    for (const r of this.placed.values()) load[r] = (load[r] ?? 0) + 1;
    return load.indexOf(Math.min(...load));
  }

  private async create(sittingId: string): Promise<SittingRoom> {
    const index = this.leastLoadedWorker();
    this.placed.set(sittingId, index);
    const router = await this.pool.worker(index).createRouter({ mediaCodecs: MEDIA_CODECS });
    const room = new SittingRoom(sittingId, router, index);
    room.once('closed', () => {
      this.rooms.delete(sittingId);
      this.placed.delete(sittingId);
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
