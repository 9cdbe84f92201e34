import { z } from 'zod';
import type { AckCallback } from '../api/ack.js';
import { SheetChanged } from '../api/answer-sheets.js';
import { AppealDecided } from '../api/appeals.js';
import { type AttemptAnswerAck, AttemptAnswerPayload, AttemptChanged } from '../api/attempts.js';
import { GradePublished } from '../api/exam-grades.js';
import { IdentityChanged } from '../api/identity.js';
import { MakeUpDecided } from '../api/make-up.js';
import { OralQueueChanged } from '../api/oral-queue.js';
import { FlagEpisodeChanged, StudentHandedOver } from '../api/proctoring.js';
import { Id } from '../api/sittings.js';
import { DefenceChanged } from '../api/thesis-defence.js';
import { LogAppended } from '../api/violations.js';
import { AccessStatus } from '../domain/sitting-kinds.js';
import { MediaSourceEvent } from '../media/source-events.js';

/** Commands are `entity:verb`; broadcasts are `entity:past-tense`. One schema per message. */

/** A staff member starts receiving a sitting's live events (admissions, later violations). */
export const SittingWatchPayload = z.object({ sittingId: Id }).strict();
export type SittingWatchPayload = z.infer<typeof SittingWatchPayload>;

export const SittingUnwatchPayload = z.object({ sittingId: Id }).strict();
export type SittingUnwatchPayload = z.infer<typeof SittingUnwatchPayload>;

/** A student's access turned green (admitted) or back to red. */
export const AdmissionChanged = z.object({
  sittingId: Id,
  studentId: Id,
  access: AccessStatus,
  admittedAt: z.string().datetime().nullable(),
});
export type AdmissionChanged = z.infer<typeof AdmissionChanged>;

export interface ClientToServerEvents {
  'sitting:watch': (payload: SittingWatchPayload, ack: AckCallback<{ sittingId: string }>) => void;
  'sitting:unwatch': (payload: SittingUnwatchPayload, ack: AckCallback<{ sittingId: string }>) => void;
  /** A student's answer, saved at once; the ack means it is stored. */
  'attempt:answer': (payload: AttemptAnswerPayload, ack: AckCallback<AttemptAnswerAck>) => void;
}

export interface ServerToClientEvents {
  'admission:changed': (event: AdmissionChanged) => void;
  /** An entry was added to a student's Chat&log (to the student and the sitting's watchers). */
  'log:appended': (event: LogAppended) => void;
  /** The student's appeal was decided (their grade may have changed). */
  'appeal:decided': (event: AppealDecided) => void;
  /** An attempt was paused, resumed, timed out or finished: its clock and status now. */
  'attempt:changed': (event: AttemptChanged) => void;
  /** A student's webcam, microphone, screen or phone went live or stopped (from the SFU). */
  'media:sourceChanged': (event: MediaSourceEvent) => void;
  /** An automatic flag episode began, grew or ended (to the student and the watchers). */
  'flag:episode': (event: FlagEpisodeChanged) => void;
  /** A student was handed over to another proctor (to the sitting's watchers). */
  'student:handedOver': (event: StudentHandedOver) => void;
  /** An answer-sheet page was stored, accepted or rejected (to the student and the watchers). */
  'sheet:changed': (event: SheetChanged) => void;
  /** The student's grade for a sitting was published. */
  'grade:published': (event: GradePublished) => void;
  /** Oral exams: someone was called or has answered (to the watchers and the sitting's students). */
  'oral:queueChanged': (event: OralQueueChanged) => void;
  /** Thesis defence: a defence started, changed stage or got a written question (watchers and students). */
  'defence:changed': (event: DefenceChanged) => void;
  /** To the student: their make-up application was decided. */
  'makeUp:decided': (event: MakeUpDecided) => void;
  /** Identity: a student sent a check (to watchers), or the proctor decided it (to the student too). */
  'identity:changed': (event: IdentityChanged) => void;
}

/** Inbound payload schemas by event name: the server parses every payload with these. */
export const clientEventSchemas = {
  'sitting:watch': SittingWatchPayload,
  'sitting:unwatch': SittingUnwatchPayload,
  'attempt:answer': AttemptAnswerPayload,
} as const satisfies { [E in keyof ClientToServerEvents]: z.ZodType<Parameters<ClientToServerEvents[E]>[0]> };

export type ClientEventName = keyof ClientToServerEvents;
export const CLIENT_EVENTS = Object.keys(clientEventSchemas) as ClientEventName[];

/** Outbound payload schemas by event name: clients parse what the server pushes with these. */
export const serverEventSchemas = {
  'admission:changed': AdmissionChanged,
  'attempt:changed': AttemptChanged,
  'appeal:decided': AppealDecided,
  'log:appended': LogAppended,
  'media:sourceChanged': MediaSourceEvent,
  'flag:episode': FlagEpisodeChanged,
  'student:handedOver': StudentHandedOver,
  'sheet:changed': SheetChanged,
  'grade:published': GradePublished,
  'oral:queueChanged': OralQueueChanged,
  'defence:changed': DefenceChanged,
  'makeUp:decided': MakeUpDecided,
  'identity:changed': IdentityChanged,
} as const satisfies { [E in keyof ServerToClientEvents]: z.ZodType<Parameters<ServerToClientEvents[E]>[0]> };
