import type {
  AdmissionChanged,
  AppealDecided,
  AttemptChanged,
  FlagEpisodeChanged,
  LogAppended,
  MediaSourceEvent,
  ServerToClientEvents,
  SheetChanged,
  StudentHandedOver,
} from '@adal/shared';
import type { Server } from 'socket.io';

/** Rooms: every socket joins `user:<id>`; staff join `sitting:<id>` with sitting:watch. */
export const userRoom = (userId: string) => `user:${userId}`;
export const sittingRoom = (sittingId: string) => `sitting:${sittingId}`;
/** Every socket opened with one login session, so logout can close them all. */
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;

/** What routes and jobs push to connected clients (through Redis when several processes serve). */
export interface LiveEvents {
  admissionChanged(event: AdmissionChanged): void;
  /** To the sitting's watchers and the student: a source went live or stopped. */
  mediaSourceChanged(event: MediaSourceEvent): void;
  /** To the student and the sitting's watchers: an attempt's clock or status changed. */
  attemptChanged(event: AttemptChanged): void;
  /** To the student and the sitting's watchers: a log entry was added. */
  logAppended(event: LogAppended): void;
  /** To the student: their appeal was decided. */
  appealDecided(event: AppealDecided): void;
  /** To the student and the sitting's watchers: a flag episode began, grew or ended. */
  flagEpisode(event: FlagEpisodeChanged): void;
  /** To the sitting's watchers: a student has a new proctor. */
  studentHandedOver(event: StudentHandedOver): void;
  /** To the student and the sitting's watchers: an answer-sheet page was stored, accepted or rejected. */
  sheetChanged(event: SheetChanged): void;
  /** To the student only: their grade for the sitting was published (the payload names no grade). */
  gradePublished(event: { sittingId: string; studentId: string }): void;
  /** To the sitting's watchers and its students in the queue: someone was called or answered. */
  oralQueueChanged(event: { sittingId: string; studentIds: readonly string[] }): void;
  /** To the sitting's watchers and its students: a thesis defence changed or got a question. */
  defenceChanged(event: { sittingId: string; studentIds: readonly string[] }): void;
  /** To the student: their make-up application was decided. */
  makeUpDecided(event: {
    studentId: string;
    applicationId: string;
    status: 'pending' | 'approved' | 'rejected';
  }): void;
  /** To the sitting's watchers and the student: an identity check was sent or decided. */
  identityChanged(event: { sittingId: string; studentId: string; checkId: string }): void;
  /** Disconnects the sockets of a session that logged out, on every server process. */
  sessionEnded(tokenHash: string): void;
}

export function liveEvents(io: Server<never, ServerToClientEvents>): LiveEvents {
  return {
    admissionChanged: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('admission:changed', event),
    mediaSourceChanged: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('media:sourceChanged', event),
    attemptChanged: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('attempt:changed', event),
    logAppended: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('log:appended', event),
    appealDecided: (event) => io.to(userRoom(event.studentId)).emit('appeal:decided', event),
    flagEpisode: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('flag:episode', event),
    studentHandedOver: (event) => io.to(sittingRoom(event.sittingId)).emit('student:handedOver', event),
    sheetChanged: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('sheet:changed', event),
    gradePublished: ({ sittingId, studentId }) =>
      io.to(userRoom(studentId)).emit('grade:published', { sittingId }),
    oralQueueChanged: ({ sittingId, studentIds }) =>
      io.to([sittingRoom(sittingId), ...studentIds.map(userRoom)]).emit('oral:queueChanged', { sittingId }),
    defenceChanged: ({ sittingId, studentIds }) =>
      io.to([sittingRoom(sittingId), ...studentIds.map(userRoom)]).emit('defence:changed', { sittingId }),
    makeUpDecided: ({ studentId, applicationId, status }) =>
      io.to(userRoom(studentId)).emit('makeUp:decided', { applicationId, status }),
    identityChanged: (event) =>
      io.to([sittingRoom(event.sittingId), userRoom(event.studentId)]).emit('identity:changed', event),
    sessionEnded: (tokenHash) => io.in(sessionRoom(tokenHash)).disconnectSockets(true),
  };
}
