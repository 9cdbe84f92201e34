import type { types } from 'mediasoup';

/** Makes another router for the same sitting on a different worker, or null when none is free. */
export type GrowRouter = (
  usedWorkers: number[],
) => Promise<{ router: types.Router; workerIndex: number } | null>;

/**
 * The routers of one sitting. A sitting starts on one router; when a router carries
 * `peersPerRouter` peers, the next peers go to a router on another worker, and a producer is piped
 * (`pipeToRouter`) to a watcher's router the first time that watcher consumes it.
 */
export class RouterGroup {
  private readonly routers: { router: types.Router; workerIndex: number }[] = [];
  private readonly peerRouter = new Map<string, types.Router>();
  private readonly piped = new Map<string, Promise<unknown>>();

  constructor(
    primary: types.Router,
    primaryWorker: number,
    private readonly peersPerRouter: number,
    private readonly grow: GrowRouter,
    private readonly onRouterClosed: () => void,
  ) {
    this.add(primary, primaryWorker);
  }

  get primary(): types.Router {
    const first = this.routers[0];
    if (!first) throw new Error('router group has no router');
    return first.router;
  }

  get size(): number {
    return this.routers.length;
  }

  workers(): number[] {
    return this.routers.map((r) => r.workerIndex);
  }

  private add(router: types.Router, workerIndex: number): void {
    this.routers.push({ router, workerIndex });
    // Losing any router (its worker died) ends the whole room; clients rejoin a fresh one.
    router.observer.once('close', () => this.onRouterClosed());
  }

  private load(router: types.Router): number {
    let n = 0;
    for (const r of this.peerRouter.values()) if (r === router) n++;
    return n;
  }

  /** The router a peer uses, chosen on first use: the first with room, else a new one. */
  async routerFor(peerId: string): Promise<types.Router> {
    const assigned = this.peerRouter.get(peerId);
    if (assigned) return assigned;
    let chosen = this.routers.find((r) => this.load(r.router) < this.peersPerRouter)?.router;
    if (!chosen) {
      const grown = await this.grow(this.workers());
      if (grown) {
        this.add(grown.router, grown.workerIndex);
        chosen = grown.router;
      } else {
        // Every worker already has a router of this sitting: share the least loaded.
        chosen =
          [...this.routers].sort((a, b) => this.load(a.router) - this.load(b.router))[0]?.router ??
          this.primary;
      }
    }
    this.peerRouter.set(peerId, chosen);
    return chosen;
  }

  release(peerId: string): void {
    this.peerRouter.delete(peerId);
  }

  /** Makes a producer living on `from` available on `to` (once per pair). */
  async ensurePiped(producerId: string, from: types.Router, to: types.Router): Promise<void> {
    if (from === to) return;
    const key = `${producerId}>${to.id}`;
    let pipe = this.piped.get(key);
    if (!pipe) {
      pipe = from.pipeToRouter({ producerId, router: to });
      this.piped.set(key, pipe);
      pipe.catch(() => this.piped.delete(key));
    }
    await pipe;
  }

  forgetProducer(producerId: string): void {
    for (const key of this.piped.keys()) if (key.startsWith(`${producerId}>`)) this.piped.delete(key);
  }

  close(): void {
    for (const r of this.routers) r.router.close();
  }
}
