import type { ExamEnvironment } from '@adal/shared';
import { boolean, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { userRef } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

/**
 * The proctoring extension of one student in one sitting (issue 8): the last handshake (the
 * nonce the server issued, echoed by the extension with its version), the heartbeats while the
 * exam was locked down, and the open "extension silent" flag episode, if any.
 */
export const extensionSessions = pgTable(
  'extension_sessions',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    /** The nonce issued for the next handshake (one at a time; cleared once used). */
    nonce: text(),
    nonceExpiresAt: at(),
    version: text(),
    extensionId: text(),
    handshakeAt: at(),
    lastHeartbeatAt: at(),
    lockdownActive: boolean().notNull().default(false),
    environment: jsonb().$type<ExamEnvironment>(),
    /** The client episode id of the open extension_missing flag while the extension is silent. */
    silentEpisodeId: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('extension_sessions_one_per_student').on(t.sittingId, t.studentId)],
);
