import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { IdbOutboxStore } from './idb-outbox-store.js';
import {
  MemoryOutboxStore,
  mergeAnswers,
  nextRevision,
  type OutboxStore,
  type PendingSave,
  resendOrder,
} from './outbox.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const Q1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const Q2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const Q3 = 'aaaaaaaa-0000-4000-8000-000000000003';

const save = (questionId: string, revision: number, queuedAt: number, response = ['x']): PendingSave => ({
  attemptId: A,
  questionId,
  response,
  revision,
  queuedAt,
});

describe('resendOrder', () => {
  it('keeps the newest revision of each question, the oldest change first', () => {
    const order = resendOrder([save(Q1, 1, 10), save(Q2, 1, 20), save(Q1, 2, 30), save(Q3, 4, 5)]);
    expect(order.map((s) => [s.questionId, s.revision])).toEqual([
      [Q3, 4],
      [Q2, 1],
      [Q1, 2],
    ]);
  });
});

describe('mergeAnswers', () => {
  it("lays the outbox's newer revisions over the server's answers", () => {
    const { answers, settled } = mergeAnswers(
      [
        { questionId: Q1, response: ['a'], revision: 2 },
        { questionId: Q2, response: ['b'], revision: 1 },
      ],
      [save(Q2, 3, 1, ['c']), save(Q3, 1, 2, ['d'])],
    );
    expect(Object.fromEntries(answers)).toEqual({
      [Q1]: { response: ['a'], revision: 2, pending: false },
      [Q2]: { response: ['c'], revision: 3, pending: true },
      [Q3]: { response: ['d'], revision: 1, pending: true },
    });
    expect(settled).toEqual([]);
  });

  it('settles outbox saves the server already holds (only the ack was lost) or has overtaken', () => {
    const sameRevision = save(Q1, 2, 1, ['a']);
    const older = save(Q2, 1, 2, ['old']);
    const { answers, settled } = mergeAnswers(
      [
        { questionId: Q1, response: ['a'], revision: 2 },
        { questionId: Q2, response: ['new'], revision: 5 },
      ],
      [sameRevision, older],
    );
    expect(settled).toEqual([sameRevision, older]);
    expect(answers.get(Q2)).toEqual({ response: ['new'], revision: 5, pending: false });
  });
});

describe('nextRevision', () => {
  it('starts at 1 and goes one past the newest known revision', () => {
    expect(nextRevision(undefined)).toBe(1);
    expect(nextRevision(4)).toBe(5);
  });
});

let dbCount = 0;
const stores: [string, () => OutboxStore][] = [
  ['memory', () => new MemoryOutboxStore()],
  // fake-indexeddb: the real IndexedDB code path; a fresh database per test.
  ['IndexedDB', () => new IdbOutboxStore(createStore(`outbox-test-${++dbCount}`, 'answer-outbox'))],
];

describe.each(stores)('the %s outbox store', (_name, makeStore) => {
  it('keeps one save per attempt and question: the newest revision', async () => {
    const store = makeStore();
    await store.put(save(Q1, 1, 1, ['a']));
    await store.put(save(Q1, 3, 3, ['c']));
    // A late write of an older revision does not replace the newer one.
    await store.put(save(Q1, 2, 2, ['b']));
    await store.put(save(Q2, 1, 4));
    await store.put({ ...save(Q1, 9, 5), attemptId: B });
    const kept = await store.list(A);
    expect(kept.map((s) => [s.questionId, s.revision, s.response])).toEqual(
      expect.arrayContaining([
        [Q1, 3, ['c']],
        [Q2, 1, ['x']],
      ]),
    );
    expect(kept).toHaveLength(2);
    expect((await store.list(B)).map((s) => s.revision)).toEqual([9]);
  });

  it('forgets a save only when that revision or a newer one was acknowledged', async () => {
    const store = makeStore();
    await store.put(save(Q1, 2, 1));
    // The ack of revision 1 arrives after revision 2 was made: revision 2 is still unsent.
    await store.settle(A, Q1, 1);
    expect((await store.list(A)).map((s) => s.revision)).toEqual([2]);
    await store.settle(A, Q1, 2);
    expect(await store.list(A)).toEqual([]);
    // Settling something never kept is harmless.
    await store.settle(A, Q2, 7);
  });

  it('clears one attempt without touching another', async () => {
    const store = makeStore();
    await store.put(save(Q1, 1, 1));
    await store.put({ ...save(Q1, 1, 1), attemptId: B });
    await store.clear(A);
    expect(await store.list(A)).toEqual([]);
    expect(await store.list(B)).toHaveLength(1);
  });
});

describe('the IndexedDB outbox store', () => {
  it('survives a reload (a new store object on the same database) and drops malformed records', async () => {
    const name = `outbox-reload-${++dbCount}`;
    const first = new IdbOutboxStore(createStore(name, 'answer-outbox'));
    await first.put(save(Q1, 4, 1, ['kept']));
    const raw = createStore(name, 'answer-outbox');
    await raw('readwrite', (s) => {
      s.put({ attemptId: A, questionId: Q2, revision: 'one' }, [A, Q2]);
      return new Promise((resolve) => {
        s.transaction.oncomplete = resolve;
      });
    });
    const reloaded = new IdbOutboxStore(createStore(name, 'answer-outbox'));
    expect(await reloaded.list(A)).toEqual([save(Q1, 4, 1, ['kept'])]);
  });
});
