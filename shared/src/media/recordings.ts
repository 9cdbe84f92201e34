import { z } from 'zod';
import { MediaSource } from './sources.js';

/**
 * Recordings of a sitting's media. Segments live on the SFU node that recorded them; the server
 * lists them from every node, streams downloads through itself (so access is checked and
 * audited in one place) and runs the retention sweep.
 */

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** `<sittingId>.<studentId>.<source>.<start, compact ISO>.<6 hex>`: also the file stem on the node. */
export const RecordingId = z
  .string()
  .regex(
    new RegExp(`^${uuid}\\.${uuid}\\.(webcam|microphone|screen|phone|tab)\\.\\d{8}T\\d{9}Z\\.[0-9a-f]{6}$`),
    'not a recording id',
  );

export const RecordingStatus = z.enum(['recording', 'complete', 'recovered', 'failed']);
export type RecordingStatus = z.infer<typeof RecordingStatus>;

/** One recorded segment of one student's source, as an SFU node lists it. */
export const RecordingSegment = z.object({
  id: RecordingId,
  sittingId: z.string().uuid(),
  studentId: z.string().uuid(),
  source: MediaSource,
  kind: z.enum(['audio', 'video']),
  /** Wall-clock arrival of the first and last packet: lines up with the violation log. */
  start: z.string().datetime(),
  end: z.string().datetime().nullable(),
  bytes: z.number().int().nonnegative(),
  status: RecordingStatus,
  /** webcam: the microphone segments its download carries; microphone: those webcams. */
  combinedWith: z.array(z.string()),
});
export type RecordingSegment = z.infer<typeof RecordingSegment>;

/** SFU internal API: a sitting's segments on this node. */
export const SfuRecordingList = z.object({ recordings: z.array(RecordingSegment) });
export type SfuRecordingList = z.infer<typeof SfuRecordingList>;

/** What a deletion removed, kept in the audit log. */
export const DeletedRecording = z.object({
  id: z.string(),
  sittingId: z.string(),
  studentId: z.string(),
  source: MediaSource,
  start: z.string(),
  end: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().nullable(),
});
export type DeletedRecording = z.infer<typeof DeletedRecording>;
export const SfuRecordingsDeleted = z.object({ deleted: z.array(DeletedRecording) });
export type SfuRecordingsDeleted = z.infer<typeof SfuRecordingsDeleted>;

/** SFU internal API: delete finished segments that ended more than this many days ago. */
export const SfuRetentionBody = z.object({ olderThanDays: z.number().int().min(1).max(36_500) }).strict();
export type SfuRetentionBody = z.infer<typeof SfuRetentionBody>;

/** The SFU node's internal endpoints the server calls with a service token. */
export const sfuInternal = {
  list: (sittingId: string) => `/internal/sittings/${sittingId}/recordings`,
  file: (sittingId: string, id: string) => `/internal/sittings/${sittingId}/recordings/${id}/webm`,
  deleteSitting: (sittingId: string) => `/internal/sittings/${sittingId}/recordings`,
  retention: '/internal/recordings/retention',
} as const;

/** Public API: a sitting's recordings for proctors, commissions and admins. */
export const SittingRecording = RecordingSegment.omit({ sittingId: true }).extend({
  studentName: z.string(),
});
export type SittingRecording = z.infer<typeof SittingRecording>;
export const SittingRecordingList = z.object({
  recordings: z.array(SittingRecording),
  /** Media servers that did not answer: their recordings are missing from this list. */
  unreachableNodes: z.number().int().nonnegative(),
});
export type SittingRecordingList = z.infer<typeof SittingRecordingList>;

export const RecordingParams = z.object({ sittingId: z.string().uuid(), recordingId: RecordingId }).strict();
export type RecordingParams = z.infer<typeof RecordingParams>;

export const RecordingsDeleted = z.object({
  deleted: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** Media servers that did not answer: their recordings of the sitting are still there. */
  unreachableNodes: z.number().int().nonnegative(),
});
export type RecordingsDeleted = z.infer<typeof RecordingsDeleted>;

/**
 * The response of a route whose handler streams a file itself (a download) instead of JSON.
 * Clients fetch it as a link, never through the JSON api client.
 */
export const Streamed = z.literal('streamed');
export const STREAMED = 'streamed' as const;
