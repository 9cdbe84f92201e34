import type { Ack, AttemptAnswerAck, AttemptAnswerPayload, ErrorCode } from '@adal/shared';
import { describe, expect, it, vi } from 'vitest';
import { AnswerSync, type AnswerTransport } from './answer-sync.js';
import { MemoryOutboxStore } from './outbox.js';

const ATTEMPT = '11111111-1111-4111-8111-111111111111';
const Q1 = 'aaaaaaaa-0000-4000-8000-000000000001';
const Q2 = 'aaaaaaaa-0000-4000-8000-000000000002';
const Q3 = 'aaaaaaaa-0000-4000-8000-000000000003';

interface Held {
  payload: AttemptAnswerPayload;
  answer(): void;
  lose(): void;
}

/** The server end of `attempt:answer`: keeps the newest revision per question, like save-answer.ts. */
class FakeServer implements AnswerTransport {
  connected = true;
  /** Hold each save until the test answers it (else answered at once). */
  hold = false;
  refuse: ErrorCode | null = null;
  readonly sent: AttemptAnswerPayload[] = [];
  readonly held: Held[] = [];
  readonly stored = new Map<string, { response: string[]; revision: number }>();

  send(payload: AttemptAnswerPayload): Promise<Ack<AttemptAnswerAck>> {
    this.sent.push(payload);
    return new Promise((resolve, reject) => {
      const answer = () => resolve(this.store(payload));
      if (this.hold) this.held.push({ payload, answer, lose: () => reject(new Error('disconnected')) });
      else answer();
    });
  }

  private store(p: AttemptAnswerPayload): Ack<AttemptAnswerAck> {
    if (this.refuse) return { ok: false, error: { code: this.refuse, message: 'refused' } };
    const kept = this.stored.get(p.questionId);
    if (!kept || kept.revision < p.revision)
      this.stored.set(p.questionId, { response: p.response, revision: p.revision });
    const revision = this.stored.get(p.questionId)?.revision ?? p.revision;
    return { ok: true, data: { questionId: p.questionId, revision, savedAt: new Date().toISOString() } };
  }

  answers() {
    return [...this.stored].map(([questionId, a]) => ({ questionId, ...a }));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const sent = (server: FakeServer) => server.sent.map((p) => [p.questionId, p.revision, p.response]);

function setup(server = new FakeServer(), store = new MemoryOutboxStore()) {
  let clock = 1000;
  const onServerChanged = vi.fn();
  const sync = new AnswerSync(ATTEMPT, store, server, {
    now: () => clock++,
    onServerChanged,
    retryDelayMs: 5,
  });
  const state = (questionId: string) => sync.getSnapshot().answers.get(questionId)?.state;
  return { sync, server, store, onServerChanged, state };
}

describe('AnswerSync', () => {
  it('sends each change at once with the next revision and forgets it once acknowledged', async () => {
    const { sync, server, store, state } = setup();
    server.hold = true;
    await sync.load([]);
    sync.change(Q1, ['a']);
    expect(state(Q1)).toBe('saving');
    expect(await store.list(ATTEMPT)).toHaveLength(1);
    sync.change(Q1, ['b']);
    expect(sent(server)).toEqual([
      [Q1, 1, ['a']],
      [Q1, 2, ['b']],
    ]);
    // The ack of revision 1 arrives first: revision 2 is still on its way and still kept.
    server.held[0]?.answer();
    await settle();
    expect(state(Q1)).toBe('saving');
    expect((await store.list(ATTEMPT)).map((s) => s.revision)).toEqual([2]);
    server.held[1]?.answer();
    await settle();
    expect(state(Q1)).toBe('saved');
    expect(sync.getSnapshot().pending).toBe(0);
    expect(await store.list(ATTEMPT)).toEqual([]);
  });

  it('keeps changes made offline and sends the newest of each question on reconnect, oldest change first', async () => {
    const { sync, server, store, state } = setup();
    await sync.load([]);
    sync.change(Q1, ['a']);
    await settle();
    server.connected = false;
    sync.change(Q2, ['x']);
    sync.change(Q3, ['y']);
    sync.change(Q2, ['z']);
    expect([state(Q1), state(Q2), state(Q3)]).toEqual(['saved', 'queued', 'queued']);
    expect(sync.getSnapshot().pending).toBe(2);
    expect(server.sent).toHaveLength(1);
    // Asking to send while still offline changes nothing and does not block the next try.
    await sync.flush();
    expect(server.sent).toHaveLength(1);

    server.connected = true;
    await sync.flush();
    // Q3 was last changed before Q2's newest change.
    expect(sent(server).slice(1)).toEqual([
      [Q3, 1, ['y']],
      [Q2, 2, ['z']],
    ]);
    expect([state(Q2), state(Q3)]).toEqual(['saved', 'saved']);
    expect(await store.list(ATTEMPT)).toEqual([]);
  });

  it('after a reload merges the outbox over the server, resends only what the server lacks, and counts on from there', async () => {
    const store = new MemoryOutboxStore();
    const server = new FakeServer();
    const before = setup(server, store);
    await before.sync.load([]);
    before.sync.change(Q1, ['a']);
    await settle();
    server.connected = false;
    before.sync.change(Q1, ['b']);
    before.sync.change(Q2, ['c']);
    before.sync.dispose(); // the page is reloaded while offline

    server.connected = true;
    const after = setup(server, store);
    await after.sync.load(server.answers());
    const { answers } = after.sync.getSnapshot();
    expect(answers.get(Q1)).toEqual({ response: ['b'], revision: 2, state: 'queued' });
    expect(answers.get(Q2)).toEqual({ response: ['c'], revision: 1, state: 'queued' });
    await after.sync.flush();
    expect(sent(server).slice(1)).toEqual([
      [Q1, 2, ['b']],
      [Q2, 1, ['c']],
    ]);
    after.sync.change(Q1, ['d']);
    await settle();
    expect(server.stored.get(Q1)).toEqual({ response: ['d'], revision: 3 });
    expect(await store.list(ATTEMPT)).toEqual([]);
  });

  it('settles kept saves the server already stored (the ack was lost) without sending them again', async () => {
    const store = new MemoryOutboxStore();
    await store.put({ attemptId: ATTEMPT, questionId: Q1, response: ['a'], revision: 2, queuedAt: 1 });
    const { sync, server, state } = setup(new FakeServer(), store);
    await sync.load([{ questionId: Q1, response: ['a'], revision: 2 }]);
    await sync.flush();
    expect(server.sent).toEqual([]);
    expect(state(Q1)).toBe('saved');
    expect(await store.list(ATTEMPT)).toEqual([]);
  });

  it('a save whose ack never came is sent again while connected, and again after a disconnect', async () => {
    const { sync, server, state } = setup();
    server.hold = true;
    await sync.load([]);
    sync.change(Q1, ['a']);
    server.held[0]?.lose(); // a timeout: connected, but no ack
    await settle();
    expect(state(Q1)).toBe('queued');
    await vi.waitFor(() => expect(server.sent).toHaveLength(2));
    server.connected = false;
    server.held[1]?.lose(); // the socket dropped
    await settle();
    expect(state(Q1)).toBe('queued');
    server.hold = false;
    server.connected = true;
    await sync.flush();
    expect(sent(server)).toEqual([
      [Q1, 1, ['a']],
      [Q1, 1, ['a']],
      [Q1, 1, ['a']],
    ]);
    expect(state(Q1)).toBe('saved');
  });

  it('holds saves while paused (conflict) and sends them when the test resumes', async () => {
    const { sync, server, store, onServerChanged, state } = setup();
    await sync.load([]);
    server.refuse = 'conflict';
    sync.change(Q1, ['a']);
    await settle();
    expect(onServerChanged).toHaveBeenCalledOnce();
    expect(state(Q1)).toBe('queued');
    // The runner learns the test is paused; answers made now are kept, not sent.
    sync.setAccepting(false);
    sync.change(Q2, ['b']);
    expect(server.sent).toHaveLength(1);
    server.refuse = null;
    sync.setAccepting(true);
    await vi.waitFor(() => expect(state(Q2)).toBe('saved'));
    expect(state(Q1)).toBe('saved');
    expect(await store.list(ATTEMPT)).toEqual([]);
  });

  it('drops a save the server will never take and shows it on the question', async () => {
    const { sync, server, store, state } = setup();
    await sync.load([]);
    server.refuse = 'validation_failed';
    sync.change(Q1, ['not-an-option']);
    await settle();
    expect(state(Q1)).toBe('rejected');
    expect(sync.getSnapshot().pending).toBe(0);
    expect(await store.list(ATTEMPT)).toEqual([]);
  });

  it('when the server holds a newer revision (another tab), counts on from it and asks for a reload', async () => {
    const server = new FakeServer();
    server.stored.set(Q1, { response: ['other tab'], revision: 7 });
    const { sync, onServerChanged, state } = setup(server);
    await sync.load([]);
    sync.change(Q1, ['here']);
    await settle();
    expect(onServerChanged).toHaveBeenCalledOnce();
    expect(state(Q1)).toBe('saved');
    // The next change goes past what the server holds, even before the reload.
    sync.change(Q1, ['again']);
    await settle();
    expect(server.stored.get(Q1)).toEqual({ response: ['again'], revision: 8 });
    // The reload shows what the server holds when it is newer than anything made here.
    server.stored.set(Q1, { response: ['third tab'], revision: 12 });
    sync.reconcile(server.answers());
    expect(sync.getSnapshot().answers.get(Q1)).toEqual({
      response: ['third tab'],
      revision: 12,
      state: 'saved',
    });
  });

  it('discards what is kept once the attempt is closed, and takes no more changes', async () => {
    const { sync, server, store } = setup();
    await sync.load([]);
    server.connected = false;
    sync.change(Q1, ['a']);
    await sync.discard();
    sync.change(Q2, ['b']);
    expect(await store.list(ATTEMPT)).toEqual([]);
    expect(sync.getSnapshot().answers.has(Q2)).toBe(false);
  });
});
