import type { MediaSource } from '@adal/shared';
import type { ProducerAppData } from '../rooms/peer.js';
import { producerInfo } from '../rooms/sitting-room.js';
import type { HandlerContext, MediaHandlers } from './handler-context.js';
import { missing, refuse, SfuError } from './sfu-error.js';
import { createWebRtcTransport, ownTransport } from './transport-handlers.js';

const KIND_OF: Record<MediaSource, 'audio' | 'video'> = {
  webcam: 'video',
  microphone: 'audio',
  screen: 'video',
  phone: 'video',
  tab: 'video',
};

function ownConsumer(ctx: HandlerContext, consumerId: string) {
  const consumer = ctx.peer.consumers.get(consumerId);
  if (!consumer) throw missing('Your consumer');
  return consumer;
}

/** The SFU's commands; the mapped type makes a missing handler a compile error. */
export const mediaHandlers: MediaHandlers = {
  'media:getRouterRtpCapabilities': {
    who: 'any',
    handle: async (_p, ctx) => ctx.room.router.rtpCapabilities,
  },

  'media:createWebRtcTransport': {
    who: 'any',
    async handle({ direction }, ctx) {
      const allowed = ctx.peer.grant.peerRole === 'student' ? 'send' : 'recv';
      if (direction !== allowed)
        throw refuse(`A ${ctx.peer.grant.peerRole} may only open a ${allowed} transport.`);
      return createWebRtcTransport(direction, ctx);
    },
  },

  'media:connectWebRtcTransport': {
    who: 'any',
    async handle({ transportId, dtlsParameters }, ctx) {
      await ownTransport(ctx, transportId).connect({ dtlsParameters: dtlsParameters as never });
      return { connected: true as const };
    },
  },

  'media:produce': {
    who: 'student',
    async handle({ transportId, kind, rtpParameters, source, displaySurface }, ctx) {
      const { grant } = ctx.peer;
      if (!grant.sources.includes(source)) throw refuse(`This device may not publish the ${source}.`);
      if (KIND_OF[source] !== kind)
        throw new SfuError('validation_failed', `The ${source} is ${KIND_OF[source]}.`, [
          { path: 'payload.kind', message: `must be ${KIND_OF[source]}` },
        ]);
      if (source === 'screen' && displaySurface !== 'monitor')
        throw new SfuError(
          'validation_failed',
          'Share your entire screen; a window or a browser tab is not accepted.',
          [{ path: 'payload.displaySurface', message: 'must be monitor (entire screen)' }],
        );
      const transport = ownTransport(ctx, transportId, 'send');
      // After a reconnect the client produces again: the new producer replaces the old one.
      ctx.peer.producerFor(source)?.close();
      const producer = await transport.produce({
        kind,
        rtpParameters: rtpParameters as never,
        appData: { studentId: grant.studentId, source, peerId: ctx.peer.id },
      });
      // The browser starts on the lowest simulcast layer and adds layers when watchers want them.
      ctx.layers.follow(producer, (spatialLayer) =>
        ctx.socket.emit('media:producerLayersWanted', { producerId: producer.id, spatialLayer }),
      );
      ctx.room.track(ctx.peer, producer, await ctx.room.routers.routerFor(ctx.peer.id));
      return { producerId: producer.id };
    },
  },

  'media:closeProducer': {
    who: 'student',
    async handle({ producerId }, ctx) {
      const producer = ctx.peer.producers.get(producerId);
      if (!producer) throw missing('Your producer');
      producer.close();
      return { closed: true as const };
    },
  },

  'media:listProducers': {
    who: 'watcher',
    handle: async (_p, ctx) => ctx.room.producers().map(producerInfo),
  },

  'media:listOwnProducers': {
    who: 'student',
    // Lets a device that (re)connects see what the student's other devices already send.
    async handle(_p, ctx) {
      const { studentId } = ctx.peer.grant;
      return ctx.room
        .producers()
        .filter((p) => studentId !== null && (p.appData as ProducerAppData).studentId === studentId)
        .map(producerInfo);
    },
  },

  'media:consume': {
    who: 'watcher',
    async handle({ transportId, producerId, rtpCapabilities }, ctx) {
      const transport = ownTransport(ctx, transportId, 'recv');
      const producer = ctx.room.findProducer(producerId);
      if (!producer) throw missing('That producer');
      // In a sitting spread over workers the producer may live on another router: pipe it here.
      const router = await ctx.room.routers.routerFor(ctx.peer.id);
      await ctx.room.bringTo(producerId, router);
      if (!router.canConsume({ producerId, rtpCapabilities: rtpCapabilities as never }))
        throw new SfuError('validation_failed', 'Your browser cannot decode this stream.', [
          { path: 'payload.rtpCapabilities', message: 'cannot consume this producer' },
        ]);
      const data = producer.appData as { studentId: string; source: MediaSource };
      // Created paused; the client resumes it once its track is ready (mediasoup-demo's rule).
      // Grid tiles start on the lowest simulcast layer; the selected student is raised later.
      const consumer = await transport.consume({
        producerId,
        rtpCapabilities: rtpCapabilities as never,
        paused: true,
        ...(producer.kind === 'video' ? { preferredLayers: { spatialLayer: 0 } } : {}),
      });
      ctx.peer.consumers.set(consumer.id, consumer);
      ctx.layers.count(consumer);
      const closed = () => {
        ctx.peer.consumers.delete(consumer.id);
        ctx.socket.emit('media:consumerClosed', { consumerId: consumer.id, producerId });
      };
      consumer.on('producerclose', closed);
      consumer.on('transportclose', () => ctx.peer.consumers.delete(consumer.id));
      consumer.on('layerschange', (layers) =>
        ctx.socket.emit('media:consumerLayersChanged', {
          consumerId: consumer.id,
          spatialLayer: layers?.spatialLayer ?? null,
          temporalLayer: layers?.temporalLayer ?? null,
        }),
      );
      return {
        consumerId: consumer.id,
        producerId,
        kind: consumer.kind,
        rtpParameters: consumer.rtpParameters as never,
        source: data.source,
        studentId: data.studentId,
      };
    },
  },

  'media:resumeConsumer': {
    who: 'watcher',
    async handle({ consumerId }, ctx) {
      const consumer = ownConsumer(ctx, consumerId);
      await consumer.resume();
      if (consumer.kind === 'video') {
        // With simulcast on mediasoup 3.8 the first keyframe is sometimes lost; ask twice more.
        for (const delay of [500, 1500])
          setTimeout(() => {
            if (!consumer.closed)
              consumer.requestKeyFrame().catch((err) => ctx.log.debug({ err }, 'keyframe request failed'));
          }, delay);
      }
      return { resumed: true as const };
    },
  },

  'media:pauseConsumer': {
    who: 'watcher',
    async handle({ consumerId }, ctx) {
      await ownConsumer(ctx, consumerId).pause();
      return { paused: true as const };
    },
  },

  'media:setPreferredLayers': {
    who: 'watcher',
    async handle({ consumerId, spatialLayer, temporalLayer }, ctx) {
      const consumer = ownConsumer(ctx, consumerId);
      await consumer.setPreferredLayers({
        spatialLayer,
        ...(temporalLayer !== undefined ? { temporalLayer } : {}),
      });
      ctx.layers.preferredLayersChanged(consumer);
      return { set: true as const };
    },
  },

  'media:restartIce': {
    who: 'any',
    handle: async ({ transportId }, ctx) => ownTransport(ctx, transportId).restartIce(),
  },
};
