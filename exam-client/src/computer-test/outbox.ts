import type { AnswerResponse, SavedAnswer } from '@adal/shared';

/**
 * Answers not yet acknowledged by the server, kept on this computer until they are. A save is
 * (attempt, question, revision): the revision is this question's save counter, the server's
 * idempotency key. Only the newest revision of a question matters; older ones are overwritten.
 */
export interface PendingSave {
  attemptId: string;
  questionId: string;
  response: AnswerResponse;
  revision: number;
  /** When the student made this change (this computer's clock): resends keep the student's order. */
  queuedAt: number;
}

/** Where pending saves are kept: IndexedDB in the browser, a Map in tests. */
export interface OutboxStore {
  /** Keeps `save` unless a newer revision of the same question is already kept. */
  put(save: PendingSave): Promise<void>;
  /** Forgets the question's pending save if its revision is `revision` or older (it was acknowledged). */
  settle(attemptId: string, questionId: string, revision: number): Promise<void>;
  list(attemptId: string): Promise<PendingSave[]>;
  /** Forgets every pending save of an attempt (it is closed: nothing more can be saved). */
  clear(attemptId: string): Promise<void>;
}

/** The saves to send, one per question (its newest revision), the student's oldest change first. */
export function resendOrder(saves: readonly PendingSave[]): PendingSave[] {
  const newest = new Map<string, PendingSave>();
  for (const save of saves) {
    const kept = newest.get(save.questionId);
    if (!kept || save.revision > kept.revision) newest.set(save.questionId, save);
  }
  return [...newest.values()].sort((a, b) => a.queuedAt - b.queuedAt || a.revision - b.revision);
}

export interface MergedAnswer {
  response: AnswerResponse;
  revision: number;
  /** True when this is a save the server has not acknowledged yet. */
  pending: boolean;
}

/**
 * The answers to show after a reload: the server's, with newer revisions from the outbox laid
 * over them. Outbox saves the server already holds (same or newer revision) are `settled`: they
 * were stored and only the acknowledgement was lost.
 */
export function mergeAnswers(
  server: readonly SavedAnswer[],
  outbox: readonly PendingSave[],
): { answers: Map<string, MergedAnswer>; settled: PendingSave[] } {
  const answers = new Map<string, MergedAnswer>(
    server.map((a) => [a.questionId, { response: a.response, revision: a.revision, pending: false }]),
  );
  const settled: PendingSave[] = [];
  for (const save of resendOrder(outbox)) {
    const stored = answers.get(save.questionId);
    if (stored && stored.revision >= save.revision) settled.push(save);
    else answers.set(save.questionId, { response: save.response, revision: save.revision, pending: true });
  }
  return { answers, settled };
}

/** The revision of the next change to a question: one past anything the server or outbox has. */
export const nextRevision = (current: number | undefined) => (current ?? 0) + 1;

/** A store in memory: tests, and browsers where IndexedDB is not available. */
export class MemoryOutboxStore implements OutboxStore {
  readonly saves = new Map<string, PendingSave>();

  private static key = (attemptId: string, questionId: string) => `${attemptId}/${questionId}`;

  async put(save: PendingSave): Promise<void> {
    const key = MemoryOutboxStore.key(save.attemptId, save.questionId);
    const kept = this.saves.get(key);
    if (!kept || kept.revision <= save.revision) this.saves.set(key, { ...save });
  }

  async settle(attemptId: string, questionId: string, revision: number): Promise<void> {
    const key = MemoryOutboxStore.key(attemptId, questionId);
    const kept = this.saves.get(key);
    if (kept && kept.revision <= revision) this.saves.delete(key);
  }

  async list(attemptId: string): Promise<PendingSave[]> {
    return [...this.saves.values()].filter((s) => s.attemptId === attemptId).map((s) => ({ ...s }));
  }

  async clear(attemptId: string): Promise<void> {
    for (const [key, save] of this.saves) if (save.attemptId === attemptId) this.saves.delete(key);
  }
}
