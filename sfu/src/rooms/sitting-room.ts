import { EventEmitter } from 'node:events';
import type { ProducerInfo } from '@adal/shared';
import type { types } from 'mediasoup';
import type { Peer, ProducerAppData } from './peer.js';
import { type GrowRouter, RouterGroup } from './router-group.js';

export interface RoomEvents {
  producerAdded: [ProducerInfo];
  producerClosed: [
    {
      producerId: string;
      studentId: string;
      source: ProducerAppData['source'];
      reason: 'closed' | 'transport_closed' | 'peer_left';
    },
  ];
  producerScore: [{ producerId: string; studentId: string; score: number }];
  closed: [];
}

export const producerInfo = (producer: types.Producer): ProducerInfo => {
  const data = producer.appData as ProducerAppData;
  const scores = producer.score.map((s) => s.score);
  return {
    producerId: producer.id,
    studentId: data.studentId,
    source: data.source,
    kind: producer.kind,
    paused: producer.paused,
    score: scores.length ? Math.max(...scores) : null,
  };
};

/**
 * One exam sitting: the students' producers and everyone watching them, on one router, or on
 * several workers' routers once the sitting outgrows one (see RouterGroup).
 */
export class SittingRoom extends EventEmitter<RoomEvents> {
  readonly peers = new Map<string, Peer>();
  readonly routers: RouterGroup;
  private readonly producerRouters = new Map<string, types.Router>();
  private closing = false;

  constructor(
    readonly sittingId: string,
    router: types.Router,
    readonly workerIndex: number,
    options: { peersPerRouter: number; grow: GrowRouter } = {
      peersPerRouter: Number.POSITIVE_INFINITY,
      grow: async () => null,
    },
  ) {
    super();
    this.routers = new RouterGroup(router, workerIndex, options.peersPerRouter, options.grow, () =>
      this.close(),
    );
  }

  /** The first router; every router of the room has the same RTP capabilities. */
  get router(): types.Router {
    return this.routers.primary;
  }

  /** The router a producer lives on (recording and piping start there). */
  routerOf(producerId: string): types.Router {
    return this.producerRouters.get(producerId) ?? this.router;
  }

  /** Makes a producer consumable on the given router, piping it there if it lives elsewhere. */
  async bringTo(producerId: string, router: types.Router): Promise<void> {
    await this.routers.ensurePiped(producerId, this.routerOf(producerId), router);
  }

  producers(): types.Producer[] {
    return [...this.peers.values()].flatMap((p) => [...p.producers.values()]);
  }

  findProducer(producerId: string): types.Producer | undefined {
    for (const peer of this.peers.values()) {
      const p = peer.producers.get(producerId);
      if (p) return p;
    }
    return undefined;
  }

  /** Registers a new producer and reports its life to the watchers. */
  track(peer: Peer, producer: types.Producer, router: types.Router): void {
    const data = producer.appData as ProducerAppData;
    peer.producers.set(producer.id, producer);
    this.producerRouters.set(producer.id, router);
    let reason: 'closed' | 'transport_closed' | 'peer_left' = 'closed';
    producer.on('transportclose', () => {
      reason = this.peers.has(peer.id) ? 'transport_closed' : 'peer_left';
    });
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
      this.producerRouters.delete(producer.id);
      this.routers.forgetProducer(producer.id);
      this.emit('producerClosed', {
        producerId: producer.id,
        studentId: data.studentId,
        source: data.source,
        reason,
      });
    });
    producer.on('score', (scores: types.ProducerScore[]) => {
      const best = scores.length ? Math.max(...scores.map((s) => s.score)) : 0;
      this.emit('producerScore', { producerId: producer.id, studentId: data.studentId, score: best });
    });
    this.emit('producerAdded', producerInfo(producer));
  }

  leave(peer: Peer): void {
    this.peers.delete(peer.id);
    this.routers.release(peer.id);
    peer.close();
  }

  close(): void {
    if (this.closing) return;
    this.closing = true;
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.routers.close();
    this.emit('closed');
  }
}
