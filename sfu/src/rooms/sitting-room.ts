import { EventEmitter } from 'node:events';
import type { ProducerInfo } from '@adal/shared';
import type { types } from 'mediasoup';
import type { Peer, ProducerAppData } from './peer.js';

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

/** One router per exam sitting: the students' producers and everyone watching them. */
export class SittingRoom extends EventEmitter<RoomEvents> {
  readonly peers = new Map<string, Peer>();

  constructor(
    readonly sittingId: string,
    readonly router: types.Router,
    readonly workerIndex: number,
  ) {
    super();
    router.observer.once('close', () => this.emit('closed'));
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
  track(peer: Peer, producer: types.Producer): void {
    const data = producer.appData as ProducerAppData;
    peer.producers.set(producer.id, producer);
    let reason: 'closed' | 'transport_closed' | 'peer_left' = 'closed';
    producer.on('transportclose', () => {
      reason = this.peers.has(peer.id) ? 'transport_closed' : 'peer_left';
    });
    producer.observer.once('close', () => {
      peer.producers.delete(producer.id);
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
    peer.close();
  }

  close(): void {
    for (const peer of this.peers.values()) peer.close();
    this.peers.clear();
    this.router.close();
  }
}
