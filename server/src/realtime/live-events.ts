import type { AdmissionChanged, ServerToClientEvents } from '@adal/shared';
import type { Server } from 'socket.io';

/** Rooms: every socket joins `user:<id>`; staff join `sitting:<id>` with sitting:watch. */
export const userRoom = (userId: string) => `user:${userId}`;
export const sittingRoom = (sittingId: string) => `sitting:${sittingId}`;

/** What routes and jobs push to connected clients (through Redis when several processes serve). */
export interface LiveEvents {
  admissionChanged(event: AdmissionChanged): void;
}

export function liveEvents(io: Server<never, ServerToClientEvents>): LiveEvents {
  return {
    admissionChanged: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('admission:changed', event),
  };
}
