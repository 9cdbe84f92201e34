import { z } from 'zod';

/**
 * What a student sends: webcam (simulcast), microphone, the entire screen, a phone as the
 * second camera showing monitor and desk (seeds 000, 001, 003, 004), and the exam tab itself as
 * the extension captures it (issue 8: exactly what the exam page showed).
 */
export const MediaSource = z.enum(['webcam', 'microphone', 'screen', 'phone', 'tab']);
export type MediaSource = z.infer<typeof MediaSource>;
export const MEDIA_SOURCES = MediaSource.options;

/** A media client is either a student device publishing or a staff member watching. */
export const MediaPeerRole = z.enum(['student', 'watcher']);
export type MediaPeerRole = z.infer<typeof MediaPeerRole>;

/**
 * What the server's signed token grants on the SFU: one sitting, one role, and for students the
 * sources this device may publish (the phone page gets only `phone`).
 */
export const MediaGrant = z.object({
  userId: z.string().uuid(),
  sittingId: z.string().uuid(),
  peerRole: MediaPeerRole,
  /** The student whose media this peer publishes; null for watchers. */
  studentId: z.string().uuid().nullable(),
  sources: z.array(MediaSource),
});
export type MediaGrant = z.infer<typeof MediaGrant>;

export const MediaTokenBody = z
  .object({
    /** `phone`: a token for the phone page (QR code), which may publish only the phone camera. */
    device: z.enum(['computer', 'phone']).default('computer'),
  })
  .strict();
export type MediaTokenBody = z.input<typeof MediaTokenBody>;

export const MediaTokenResponse = z.object({
  token: z.string(),
  /** Where the SFU's socket.io listens, as the browser should reach it. */
  sfuUrl: z.string(),
  expiresAt: z.string().datetime(),
  grant: MediaGrant,
});
export type MediaTokenResponse = z.infer<typeof MediaTokenResponse>;
