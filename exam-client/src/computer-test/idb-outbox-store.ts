import { AttemptAnswerPayload } from '@adal/shared';
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { OutboxStore, PendingSave } from './outbox.js';

const DB_NAME = 'adal-exam';
const STORE_NAME = 'answer-outbox';

/** Keys are [attemptId, questionId]: one pending save per question, an attempt's saves one key range. */
const keyOf = (attemptId: string, questionId: string): IDBValidKey => [attemptId, questionId];
const attemptRange = (attemptId: string) => IDBKeyRange.bound([attemptId], [attemptId, []]);

/** What a kept record must look like; anything else (an older app version, tampering) is dropped. */
function parseSave(raw: unknown): PendingSave | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { queuedAt, ...payload } = raw as Record<string, unknown>;
  const parsed = AttemptAnswerPayload.safeParse(payload);
  if (!parsed.success || typeof queuedAt !== 'number') return null;
  return { ...parsed.data, queuedAt };
}

/**
 * The outbox in IndexedDB (through idb-keyval's store): it survives a reload, a crash of the tab
 * or a restart of the computer. Each change is one read-write transaction, so a late
 * acknowledgement never deletes a newer save made meanwhile.
 */
export class IdbOutboxStore implements OutboxStore {
  constructor(private readonly store: UseStore = createStore(DB_NAME, STORE_NAME)) {}

  put(save: PendingSave): Promise<void> {
    return this.store('readwrite', (s) => {
      const key = keyOf(save.attemptId, save.questionId);
      const read = s.get(key);
      read.onsuccess = () => {
        const kept = parseSave(read.result);
        if (!kept || kept.revision <= save.revision) s.put({ ...save }, key);
      };
      return promisifyRequest(s.transaction);
    });
  }

  settle(attemptId: string, questionId: string, revision: number): Promise<void> {
    return this.store('readwrite', (s) => {
      const key = keyOf(attemptId, questionId);
      const read = s.get(key);
      read.onsuccess = () => {
        const kept = parseSave(read.result);
        if (!kept || kept.revision <= revision) s.delete(key);
      };
      return promisifyRequest(s.transaction);
    });
  }

  async list(attemptId: string): Promise<PendingSave[]> {
    const rows = await this.store('readonly', (s) => promisifyRequest(s.getAll(attemptRange(attemptId))));
    return rows.map(parseSave).filter((s): s is PendingSave => s !== null);
  }

  clear(attemptId: string): Promise<void> {
    return this.store('readwrite', (s) => {
      s.delete(attemptRange(attemptId));
      return promisifyRequest(s.transaction);
    });
  }
}
