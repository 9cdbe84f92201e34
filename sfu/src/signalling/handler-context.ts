import type {
  CommandAckData,
  CommandPayload,
  MediaClientEventName,
  MediaClientToServerEvents,
  MediaServerToClientEvents,
} from '@adal/shared';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { SfuConfig } from '../config.js';
import type { LayerDemand } from '../rooms/layer-demand.js';
import type { Peer } from '../rooms/peer.js';
import type { SittingRoom } from '../rooms/sitting-room.js';

export type SfuSocket = Socket<MediaClientToServerEvents, MediaServerToClientEvents>;

export interface HandlerContext {
  socket: SfuSocket;
  peer: Peer;
  room: SittingRoom;
  config: SfuConfig;
  log: Logger;
  /** Which simulcast layers each student producer must send (shared by every connection). */
  layers: LayerDemand;
}

type Payload<E extends MediaClientEventName> = CommandPayload<MediaClientToServerEvents[E]>;
type AckData<E extends MediaClientEventName> = CommandAckData<MediaClientToServerEvents[E]>;

export interface MediaHandler<E extends MediaClientEventName> {
  /** Which peers may send this command at all. */
  who: 'student' | 'watcher' | 'any';
  handle: (payload: Payload<E>, ctx: HandlerContext) => Promise<AckData<E>>;
}

export type MediaHandlers = { [E in MediaClientEventName]: MediaHandler<E> };
