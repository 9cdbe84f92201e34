import type { types } from 'mediasoup';
import type { HandlerContext } from './handler-context.js';
import { missing } from './sfu-error.js';

export function ownTransport(
  ctx: HandlerContext,
  transportId: string,
  direction?: 'send' | 'recv',
): types.WebRtcTransport {
  const transport = ctx.peer.transport(transportId);
  if (!transport || (direction && (transport.appData as { direction: string }).direction !== direction))
    throw missing(direction ? `Your ${direction} transport` : 'Your transport');
  return transport;
}

export async function createWebRtcTransport(direction: 'send' | 'recv', ctx: HandlerContext) {
  const { listenIp, announcedIp } = ctx.config;
  const router = await ctx.room.routers.routerFor(ctx.peer.id);
  const transport = await router.createWebRtcTransport({
    listenIps: [{ ip: listenIp, ...(announcedIp ? { announcedIp } : {}) }],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 600_000,
    appData: { direction, peerId: ctx.peer.id },
  });
  // Students send, watchers receive; nobody needs more than one of each.
  for (const t of ctx.peer.transports.values())
    if ((t.appData as { direction: string }).direction === direction) t.close();
  ctx.peer.transports.set(transport.id, transport);
  transport.observer.once('close', () => ctx.peer.transports.delete(transport.id));
  return {
    id: transport.id,
    iceParameters: transport.iceParameters,
    iceCandidates: transport.iceCandidates,
    dtlsParameters: transport.dtlsParameters,
  };
}
