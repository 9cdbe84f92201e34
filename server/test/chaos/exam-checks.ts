import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogEntry } from '@adal/shared';
import { sql } from 'drizzle-orm';
import { rawRows } from '../../src/db/raw-rows.js';
import type { ExamDay } from './exam-day.js';

/** What was checked after the fault, and what of it the server had acknowledged and then lost. */
export interface Findings {
  answers: number;
  /** Acks the students got in all (an answer changed many times is acked many times). */
  acks: number;
  logEntries: number;
  pages: number;
  lost: number;
  /** One line per lost item, to say what went wrong. */
  losses: string[];
  /** Students whose log no longer verifies. */
  brokenChains: string[];
  /** Each attempt's closing time minus its stored deadline, in ms (null: never closed). */
  deadlines: { attemptId: string; status: string; offByMs: number | null }[];
}

/** Every acknowledged answer is stored at its revision or a newer one (same text at the same one). */
async function checkAnswers(day: ExamDay, f: Findings): Promise<void> {
  for (const { taker } of day.takers) {
    f.acks += taker.successes.length;
    const rows = await rawRows<{ question_id: string; revision: number; response: string[] }>(
      day.database.db,
      sql`SELECT question_id, revision, response FROM answers WHERE attempt_id = ${taker.attemptId}`,
    );
    const stored = new Map(rows.map((r) => [r.question_id, r]));
    for (const [questionId, ack] of taker.acked) {
      f.answers++;
      const s = stored.get(questionId);
      const intact =
        s &&
        (s.revision > ack.revision ||
          (s.revision === ack.revision && JSON.stringify(s.response) === JSON.stringify(ack.response)));
      if (!intact) {
        f.lost++;
        f.losses.push(`answer ${questionId} r${ack.revision}: stored ${JSON.stringify(s ?? null)}`);
      }
    }
  }
}

/** Every acknowledged entry is in the student's log, unchanged and in its place; the chain verifies. */
async function checkLogs(day: ExamDay, f: Findings): Promise<void> {
  const acked = [...day.chat.acked, ...day.violations.acked];
  const sittingOf = new Map([
    ...day.takers.map((t) => [t.studentId, day.testSitting] as const),
    ...day.writers.map((w) => [w.studentId, day.writtenSitting] as const),
  ]);
  for (const [studentId, sittingId] of sittingOf) {
    const params = { sittingId, studentId };
    const log = (await day.proctor.call('studentLog', { params })).body as LogEntry[];
    const bySeq = new Map(log.map((e) => [e.seq, e]));
    for (const { entry } of acked.filter((a) => a.studentId === studentId)) {
      f.logEntries++;
      const found = bySeq.get(entry.seq);
      if (found?.hash !== entry.hash || found.text !== entry.text) {
        f.lost++;
        f.losses.push(
          `log entry ${studentId} #${entry.seq} (${entry.type}): ${found ? 'changed' : 'missing'}`,
        );
      }
    }
    const verified = await day.proctor.call('verifyStudentLog', { params });
    if (verified.body?.ok !== true) f.brokenChains.push(`${studentId}: ${JSON.stringify(verified.body)}`);
  }
}

const sha256Of = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** Every acknowledged page is stored: the photo as uploaded (hash), its image file unchanged. */
async function checkPages(day: ExamDay, dataDir: string, f: Findings): Promise<void> {
  for (const w of day.writers)
    for (const page of w.sheets.stored) {
      f.pages++;
      const [row] = await rawRows<{
        original_sha256: string;
        sha256: string;
        storage_key: string;
        page_number: number;
      }>(
        day.database.db,
        sql`SELECT original_sha256, sha256, storage_key, page_number FROM answer_sheets WHERE id = ${page.sheetId}`,
      );
      const file = row && path.join(dataDir, 'answer-sheets', row.storage_key);
      const fileHash = file ? await sha256Of(file).catch(() => 'unreadable') : 'no row';
      if (
        row?.original_sha256 !== page.sha256 ||
        row.page_number !== page.pageNumber ||
        fileHash !== row.sha256
      ) {
        f.lost++;
        f.losses.push(`page ${page.pageNumber} of ${w.studentId}: ${row ? `file ${fileHash}` : 'no row'}`);
      }
    }
}

/**
 * Waits until every attempt is closed (or `timeoutMs` passes) and measures when its deadline job
 * closed it: the closing log entry is written at that moment, the stored deadline includes pauses.
 */
async function checkDeadlines(day: ExamDay, f: Findings, timeoutMs: number): Promise<void> {
  const ids = day.attemptIds;
  const until = Date.now() + timeoutMs;
  type Row = { id: string; status: string; deadline_at: Date | string; closed_at: Date | string | null };
  let rows: Row[] = [];
  for (;;) {
    rows = await rawRows<Row>(
      day.database.db,
      sql`SELECT a.id, a.status, a.deadline_at,
            (SELECT max(e.at) FROM violation_log_entries e
              WHERE e.type IN ('timed_out', 'writing_over') AND e.evidence->>'attemptId' = a.id::text) AS closed_at
          FROM attempts a WHERE a.id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    if (rows.every((r) => r.closed_at) || Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const r of rows) {
    const offByMs = r.closed_at ? new Date(r.closed_at).getTime() - new Date(r.deadline_at).getTime() : null;
    f.deadlines.push({ attemptId: r.id, status: r.status, offByMs });
  }
}

export async function checkExamDay(day: ExamDay, dataDir: string, deadlineWaitMs: number): Promise<Findings> {
  const f: Findings = {
    answers: 0,
    acks: 0,
    logEntries: 0,
    pages: 0,
    lost: 0,
    losses: [],
    brokenChains: [],
    deadlines: [],
  };
  await checkDeadlines(day, f, deadlineWaitMs);
  await checkAnswers(day, f);
  await checkLogs(day, f);
  await checkPages(day, dataDir, f);
  return f;
}

/** The table's "data checked" cell. */
export function checkedText(f: Findings): string {
  const worst = Math.max(0, ...f.deadlines.map((d) => Math.abs(d.offByMs ?? Number.POSITIVE_INFINITY)));
  return `${f.answers} answers at their last acked revision (${f.acks} acks), ${f.logEntries} acked log entries (chains verify), ${f.pages} pages (sha256), ${f.deadlines.length} deadlines (worst ${(worst / 1000).toFixed(2)} s off)`;
}
