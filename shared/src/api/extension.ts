import { z } from 'zod';
import { ExamEnvironment } from '../extension/protocol.js';

/**
 * The server's side of the proctoring extension (issue 8): the handshake that proves the
 * extension answered this exam page (the server issues a nonce, the extension echoes it with its
 * version), heartbeats while the exam is locked down, and what the proctor sees of it.
 */
const At = z.string().datetime();

export const ExtensionNonce = z.object({ nonce: z.string(), expiresAt: At });
export type ExtensionNonce = z.infer<typeof ExtensionNonce>;

/** The extension's hello reply, passed on by the exam page. */
export const ExtensionHandshakeBody = z
  .object({
    nonce: z.string().min(16).max(128),
    version: z.string().min(1).max(40),
    protocol: z.number().int().min(0).max(1000),
    extensionId: z.string().min(1).max(64),
  })
  .strict();
export type ExtensionHandshakeBody = z.infer<typeof ExtensionHandshakeBody>;

/** A heartbeat the extension sent, passed on by the exam page (about every 10 s). */
export const ExtensionHeartbeatBody = z
  .object({ active: z.boolean(), environment: ExamEnvironment })
  .strict();
export type ExtensionHeartbeatBody = z.infer<typeof ExtensionHeartbeatBody>;

/** What the proctor (and the student) see of the extension in one sitting. */
export const ExtensionStatus = z.object({
  version: z.string().nullable(),
  extensionId: z.string().nullable(),
  handshakeAt: At.nullable(),
  lastHeartbeatAt: At.nullable(),
  /** The lockdown was on at the last heartbeat. */
  lockdownActive: z.boolean(),
  /** No heartbeat for SILENT_AFTER_SECONDS while the lockdown was on (an extension_missing flag is open). */
  silent: z.boolean(),
  environment: ExamEnvironment.nullable(),
});
export type ExtensionStatus = z.infer<typeof ExtensionStatus>;
