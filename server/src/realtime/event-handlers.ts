import {
  type ClientEventName,
  type ClientToServerEvents,
  type CommandAckData,
  type CommandPayload,
  STAFF_ROLES,
} from '@adal/shared';
import type { Socket } from 'socket.io';
import type { AppContext } from '../app-context.js';
import { saveAnswer } from '../attempts/save-answer.js';
import type { Actor } from '../http/actor.js';
import type { Access } from '../http/define-route.js';
import { canSeeSitting } from '../sittings/sitting-access.js';
import { sittingRoom } from './live-events.js';

type Payload<E extends ClientEventName> = CommandPayload<ClientToServerEvents[E]>;
type AckData<E extends ClientEventName> = CommandAckData<ClientToServerEvents[E]>;

export interface EventDef<E extends ClientEventName> {
  access: Exclude<Access, 'public'>;
  owns?: (actor: Actor, payload: Payload<E>, ctx: AppContext) => Promise<boolean>;
  handle: (socket: Socket, payload: Payload<E>, ctx: AppContext) => Promise<AckData<E>>;
}

/** One handler per client event; the mapped type makes a missing one a compile error. */
export const eventHandlers: { [E in ClientEventName]: EventDef<E> } = {
  'sitting:watch': {
    access: STAFF_ROLES,
    owns: (actor, { sittingId }, ctx) => canSeeSitting(ctx.db, actor, sittingId),
    async handle(socket, { sittingId }) {
      await socket.join(sittingRoom(sittingId));
      return { sittingId };
    },
  },
  'attempt:answer': {
    access: ['student'],
    // Ownership is checked inside, under the attempt's row lock.
    handle: (socket, payload, ctx) => saveAnswer(ctx, (socket.data as { actor: Actor }).actor.id, payload),
  },
  'sitting:unwatch': {
    access: 'authenticated',
    async handle(socket, { sittingId }) {
      await socket.leave(sittingRoom(sittingId));
      return { sittingId };
    },
  },
};
