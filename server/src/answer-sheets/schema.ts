import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { userRef, users } from '../accounts/schema.js';
import { at, createdAt, id } from '../db/columns.js';
import { sittingRef } from '../sittings/schema.js';

export const sheetStatusEnum = pgEnum('sheet_quality', ['pending', 'accepted', 'rejected']);

/**
 * A photographed A4 answer sheet (exam-procedures.md, "Answer sheets"). The bytes live under the
 * data folder; `sha256` proves the stored image is unchanged. A page uploaded again (after a
 * rejection) is a new row and the earlier one gets `replacedAt`: nothing the student sent is lost.
 */
export const answerSheets = pgTable(
  'answer_sheets',
  {
    id: id(),
    sittingId: sittingRef(),
    studentId: userRef(),
    pageNumber: integer().notNull(),
    /** SHA-256 of the stored image (rotated upright, metadata stripped). */
    sha256: text().notNull(),
    /** SHA-256 of the bytes as uploaded: the same photo sent twice is stored once. */
    originalSha256: text().notNull(),
    mimeType: text().notNull(),
    byteSize: bigint({ mode: 'number' }).notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    storageKey: text().notNull().unique(),
    thumbnailKey: text().notNull().unique(),
    /** Variance of the Laplacian at a fixed width; `blurred` when under the threshold. */
    sharpness: real().notNull(),
    blurred: boolean().notNull(),
    /** The upload was HEIC/HEIF and was converted to JPEG. */
    converted: boolean().notNull().default(false),
    status: sheetStatusEnum().notNull().default('pending'),
    rejectReason: text(),
    rejectNote: text(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: at(),
    uploadedAt: createdAt(),
    /** Set when the student uploaded this page again; the newer row is the current page. */
    replacedAt: at(),
  },
  (t) => [
    // One current version of each page.
    uniqueIndex('answer_sheets_current_page')
      .on(t.sittingId, t.studentId, t.pageNumber)
      .where(sql`${t.replacedAt} is null`),
    index().on(t.sittingId, t.studentId),
    check('answer_sheets_page_positive', sql`${t.pageNumber} >= 1`),
    check(
      'answer_sheets_sha256',
      sql`${t.sha256} ~ '^[0-9a-f]{64}$' and ${t.originalSha256} ~ '^[0-9a-f]{64}$'`,
    ),
    check('answer_sheets_mime', sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`),
    check(
      'answer_sheets_review',
      sql`(${t.status} = 'pending') = (${t.reviewedAt} is null) and (${t.status} = 'rejected') = (${t.rejectReason} is not null)`,
    ),
  ],
);
