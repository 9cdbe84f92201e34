import type { types } from 'mediasoup';

/** Lowering waits this long, so a proctor flipping between students does not restart encoders. */
export const DEFAULT_LOWER_AFTER_MS = 5_000;

/** Told to the student who produces: send layers up to this one. */
export type TellWantedLayer = (spatialLayer: number) => void;

interface Demand {
  readonly topLayer: number;
  readonly consumers: Set<types.Consumer>;
  readonly tell: TellWantedLayer;
  /** What the student was last told; a new producer sends layer 0 only until told otherwise. */
  told: number;
  lowerTimer: ReturnType<typeof setTimeout> | undefined;
  closed: boolean;
}

/**
 * Upstream follows demand: for each simulcast producer, the highest spatial layer any watcher's
 * consumer wants (its preferred layer, while it is open and not paused). When that maximum rises
 * the student is told at once; when it falls, after `lowerAfterMs` without the demand coming back.
 *
 * Only consumers passed to `count` matter: recording consumers (RoomRecording, on a
 * PlainTransport) are never counted, so a recording never keeps the top layer on by itself; it
 * records the best layer the student sends.
 */
export class LayerDemand {
  private readonly demands = new Map<string, Demand>();

  constructor(private readonly lowerAfterMs = DEFAULT_LOWER_AFTER_MS) {}

  /** Follows a simulcast producer until it closes; other producers have no layers to choose. */
  follow(producer: types.Producer, tell: TellWantedLayer): void {
    if (producer.type !== 'simulcast') return;
    const demand: Demand = {
      topLayer: Math.max(1, producer.rtpParameters.encodings?.length ?? 1) - 1,
      consumers: new Set(),
      tell,
      told: 0,
      lowerTimer: undefined,
      closed: false,
    };
    this.demands.set(producer.id, demand);
    producer.observer.once('close', () => {
      // Its consumers close after it: nothing more to tell.
      demand.closed = true;
      clearTimeout(demand.lowerTimer);
      this.demands.delete(producer.id);
    });
  }

  /** Counts a watcher's consumer towards its producer's demand for as long as it lives. */
  count(consumer: types.Consumer): void {
    const demand = this.demands.get(consumer.producerId);
    if (!demand) return;
    demand.consumers.add(consumer);
    const changed = () => this.reconsider(demand);
    consumer.observer.on('pause', changed);
    consumer.observer.on('resume', changed);
    consumer.observer.once('close', () => {
      demand.consumers.delete(consumer);
      changed();
    });
    changed();
  }

  /** After `setPreferredLayers` on a counted consumer (mediasoup has no event for it). */
  preferredLayersChanged(consumer: types.Consumer): void {
    const demand = this.demands.get(consumer.producerId);
    if (demand?.consumers.has(consumer)) this.reconsider(demand);
  }

  /** What the producer's student was last told (undefined for a producer not followed). */
  toldLayer(producerId: string): number | undefined {
    return this.demands.get(producerId)?.told;
  }

  private wantedNow(demand: Demand): number {
    let wanted = 0;
    for (const consumer of demand.consumers) {
      if (consumer.closed || consumer.paused) continue;
      // No preferred layers means mediasoup's default: the highest.
      wanted = Math.max(wanted, consumer.preferredLayers?.spatialLayer ?? demand.topLayer);
    }
    return Math.min(wanted, demand.topLayer);
  }

  private reconsider(demand: Demand): void {
    if (demand.closed) return;
    const wanted = this.wantedNow(demand);
    if (wanted >= demand.told) {
      clearTimeout(demand.lowerTimer);
      demand.lowerTimer = undefined;
      if (wanted > demand.told) this.tell(demand, wanted);
      return;
    }
    // Already lowering: the timer reads the demand again when it fires.
    if (demand.lowerTimer) return;
    demand.lowerTimer = setTimeout(() => {
      demand.lowerTimer = undefined;
      const now = this.wantedNow(demand);
      if (now < demand.told) this.tell(demand, now);
    }, this.lowerAfterMs);
    demand.lowerTimer.unref?.();
  }

  private tell(demand: Demand, spatialLayer: number): void {
    demand.told = spatialLayer;
    demand.tell(spatialLayer);
  }
}
