import { bigserial, pgEnum, pgTable, unique } from 'drizzle-orm/pg-core';
import { userRef } from '../accounts/schema.js';
import { at, createdAt } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

export const mediaSourceEnum = pgEnum('media_source', ['webcam', 'microphone', 'screen', 'phone', 'tab']);
export const mediaSourceStateEnum = pgEnum('media_source_state', ['live', 'stopped']);
export const mediaStopReasonEnum = pgEnum('media_stop_reason', ['closed', 'transport_closed', 'peer_left']);

/**
 * Every student source going live or stopping, as the SFU saw it. A stop then a live again is a
 * gap in what proctors saw and what was recorded. Append-only (trigger): the proctoring log reads
 * it as evidence.
 */
export const mediaSourceEvents = pgTable(
  'media_source_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    sittingId: sittingRef(),
    studentId: userRef(),
    source: mediaSourceEnum().notNull(),
    state: mediaSourceStateEnum().notNull(),
    reason: mediaStopReasonEnum(),
    /** When the SFU saw it. */
    at: at().notNull(),
    receivedAt: createdAt(),
  },
  // The SFU retries a batch it got no answer for: the same event twice is stored once.
  (t) => [unique().on(t.sittingId, t.studentId, t.at, t.source, t.state)],
);
