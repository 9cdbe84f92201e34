import type { OralQueueRowView, OralQueueView } from '@adal/shared';
import { formatTimeLeft } from '@adal/shared/web';

/** The one timer a queue row shows: how long the student has prepared, or has been answering. */
export function rowTimer(row: OralQueueRowView, serverNow: number): string | null {
  const since = row.stage === 'answering' ? row.calledAt : row.stage === 'preparing' ? row.drawnAt : null;
  return since ? formatTimeLeft(serverNow - Date.parse(since)) : null;
}

/** Time until questioning may start (null once it may, or before the last draw). */
export function untilQuestioning(queue: OralQueueView, serverNow: number): string | null {
  if (!queue.questioningStartsAt || queue.rows.some((r) => r.calledAt)) return null;
  const left = Date.parse(queue.questioningStartsAt) - serverNow;
  return left > 0 ? formatTimeLeft(left) : null;
}

/** Present students, in list order (absent ones are listed apart). */
export const inQueue = (queue: OralQueueView) => queue.rows.filter((r) => r.place !== null);
export const absent = (queue: OralQueueView) => queue.rows.filter((r) => r.place === null);
