import type { Ack, AnswerResponse, AttemptAnswerAck, AttemptAnswerPayload, SavedAnswer } from '@adal/shared';
import { mergeAnswers, nextRevision, type OutboxStore, type PendingSave, resendOrder } from './outbox.js';

/**
 * Where each answer is on its way to the server:
 * - saved: the server acknowledged this revision;
 * - saving: sent, waiting for the acknowledgement;
 * - queued: kept on this computer, waiting to be sent (offline, paused, or sent and lost);
 * - rejected: the server will never take it (not an option of the question, etc.).
 */
export type SaveState = 'saved' | 'saving' | 'queued' | 'rejected';

export interface QuestionAnswer {
  response: AnswerResponse;
  /** The newest revision of this answer, here or on the server. */
  revision: number;
  state: SaveState;
}

export interface AnswerSnapshot {
  answers: ReadonlyMap<string, QuestionAnswer>;
  /** Changes the server has not acknowledged yet. */
  pending: number;
  /** False when this browser cannot keep answers (IndexedDB refused): they live only in memory. */
  storageOk: boolean;
}

/** The `attempt:answer` command: resolves with the server's ack, rejects when none came (timeout, disconnect). */
export interface AnswerTransport {
  readonly connected: boolean;
  send(payload: AttemptAnswerPayload): Promise<Ack<AttemptAnswerAck>>;
}

export interface AnswerSyncOptions {
  /** The server refused a save as `conflict` or holds a newer answer: load the attempt again. */
  onServerChanged?: () => void;
  now?: () => number;
  /** After a lost ack or a rate limit while connected. */
  retryDelayMs?: number;
}

/** Errors after which a save can never succeed: it is dropped and the question shows it. */
const FINAL_ERRORS = new Set(['validation_failed', 'not_found', 'forbidden']);

/**
 * Sends each change at once with the question's next revision, keeps every change in the outbox
 * until the server acknowledges it, and resends the newest revision per question (the student's
 * oldest change first) on reconnect, on resume and after a reload. The server keeps the newest
 * revision, so a resend is never harmful.
 */
export class AnswerSync {
  private readonly answers = new Map<string, QuestionAnswer>();
  /** The newest unacknowledged save per question. */
  private readonly pending = new Map<string, PendingSave>();
  /** The newest revision the server said it holds, per question (it may hold one this page never made). */
  private readonly onServer = new Map<string, number>();
  /** The revision sent per question and not yet answered. */
  private readonly inFlight = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private snapshot: AnswerSnapshot = { answers: new Map(), pending: 0, storageOk: true };
  private storageOk = true;
  private accepting = true;
  /** The attempt is closed: changes are no longer taken at all. */
  private closed = false;
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly now: () => number;
  private readonly retryDelayMs: number;

  constructor(
    readonly attemptId: string,
    private readonly store: OutboxStore,
    private readonly transport: AnswerTransport,
    private readonly options: AnswerSyncOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.retryDelayMs = options.retryDelayMs ?? 3000;
  }

  /** After a (re)load: the server's answers with this computer's unsent changes laid over them. */
  async load(server: readonly SavedAnswer[]): Promise<void> {
    const kept = await this.store.list(this.attemptId).catch((error: unknown) => {
      this.storageFailed(error);
      return [];
    });
    for (const save of kept) {
      const current = this.pending.get(save.questionId);
      if (!current || current.revision < save.revision) this.pending.set(save.questionId, save);
    }
    this.reconcile(server);
  }

  /**
   * The server's answers as just loaded. A newer revision there (another tab) replaces what this
   * page shows; pending saves the server already holds are settled.
   */
  reconcile(server: readonly SavedAnswer[]): void {
    const { answers, settled } = mergeAnswers(server, [...this.pending.values()]);
    for (const save of settled) this.forget(save.questionId, save.revision);
    for (const [questionId, merged] of answers) {
      const local = this.answers.get(questionId);
      // A change made here that the server has not seen yet stays as it is.
      if (local && local.revision > merged.revision) continue;
      if (local && local.revision === merged.revision) {
        if (!merged.pending && local.state !== 'saved')
          this.answers.set(questionId, { ...local, state: 'saved' });
        continue;
      }
      this.answers.set(questionId, {
        response: merged.response,
        revision: merged.revision,
        state: merged.pending ? 'queued' : 'saved',
      });
    }
    this.notify();
  }

  /** The student changed an answer: it gets the next revision, is kept, and is sent at once. */
  change(questionId: string, response: AnswerResponse): void {
    if (this.disposed || this.closed) return;
    const save: PendingSave = {
      attemptId: this.attemptId,
      questionId,
      response,
      revision: nextRevision(
        Math.max(this.answers.get(questionId)?.revision ?? 0, this.onServer.get(questionId) ?? 0),
      ),
      queuedAt: this.now(),
    };
    this.pending.set(questionId, save);
    this.answers.set(questionId, { response, revision: save.revision, state: 'queued' });
    // IndexedDB runs transactions in the order they were made, so a later settle cannot overtake this.
    this.store.put(save).catch((error: unknown) => this.storageFailed(error));
    this.notify();
    void this.send(save);
  }

  /** Whether the server takes answers now (false while paused or after time is up): changes wait. */
  setAccepting(accepting: boolean): void {
    if (this.accepting === accepting) return;
    this.accepting = accepting;
    if (accepting) void this.flush();
  }

  /** Sends every pending save, one question at a time, the student's oldest change first. */
  flush(): Promise<void> {
    if (this.flushing) {
      // Asked again while sending (a reconnect, a resume): go over the outbox once more after.
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.sendPending();
      } while (this.flushAgain && this.canSend());
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async sendPending(): Promise<void> {
    for (const save of resendOrder([...this.pending.values()])) {
      if (!this.canSend()) return;
      // A newer change of this question may have been made (and sent) since the list was made.
      if (this.pending.get(save.questionId) !== save) continue;
      if (!(await this.send(save))) return;
    }
  }

  /** The attempt is closed: nothing more can be saved, so nothing is kept for it. */
  async discard(): Promise<void> {
    this.closed = true;
    this.accepting = false;
    this.pending.clear();
    await this.store.clear(this.attemptId).catch((error: unknown) => this.storageFailed(error));
    this.notify();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.listeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AnswerSnapshot => this.snapshot;

  private canSend(): boolean {
    return !this.disposed && this.accepting && this.transport.connected;
  }

  /** Sends one save; false when the connection or the server says to stop for now. */
  private async send(save: PendingSave): Promise<boolean> {
    if (!this.canSend()) return false;
    const { questionId, revision } = save;
    if (this.inFlight.get(questionId) === revision) return true;
    this.inFlight.set(questionId, revision);
    this.setState(questionId, revision, 'saving');
    let ack: Ack<AttemptAnswerAck> | null = null;
    try {
      ack = await this.transport.send({
        attemptId: save.attemptId,
        questionId,
        response: save.response,
        revision,
      });
    } catch {
      ack = null; // no answer (timeout, disconnect): still pending, sent again later
    }
    if (this.inFlight.get(questionId) === revision) this.inFlight.delete(questionId);
    if (this.disposed) return false;
    if (ack?.ok) {
      this.acknowledged(questionId, revision, ack.data.revision);
      return true;
    }
    const code = ack?.error.code;
    if (code && FINAL_ERRORS.has(code)) {
      this.forget(questionId, revision);
      this.setState(questionId, revision, 'rejected');
      return true;
    }
    this.setState(questionId, revision, 'queued');
    if (code === 'conflict') this.options.onServerChanged?.();
    else if (this.transport.connected) this.retryLater();
    return false;
  }

  private acknowledged(questionId: string, sent: number, stored: number): void {
    this.onServer.set(questionId, Math.max(stored, this.onServer.get(questionId) ?? 0));
    this.forget(questionId, stored);
    const answer = this.answers.get(questionId);
    if (!answer || answer.revision > stored) return; // a newer change is on its way
    this.answers.set(questionId, { ...answer, state: 'saved' });
    this.notify();
    // The server holds a newer revision than this page made (another tab): load what it holds.
    if (stored > sent) this.options.onServerChanged?.();
  }

  /** Drops the pending save of a question if it is `revision` or older. */
  private forget(questionId: string, revision: number): void {
    const save = this.pending.get(questionId);
    if (!save || save.revision > revision) return;
    this.pending.delete(questionId);
    this.store
      .settle(this.attemptId, questionId, revision)
      .catch((error: unknown) => this.storageFailed(error));
  }

  private setState(questionId: string, revision: number, state: SaveState): void {
    const answer = this.answers.get(questionId);
    if (!answer || answer.revision !== revision || answer.state === state) return;
    this.answers.set(questionId, { ...answer, state });
    this.notify();
  }

  private retryLater(): void {
    if (this.retryTimer !== undefined || this.disposed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, this.retryDelayMs);
  }

  private storageFailed(error: unknown): void {
    if (this.storageOk) console.warn('answers cannot be kept on this computer', error);
    this.storageOk = false;
    this.notify();
  }

  private notify(): void {
    this.snapshot = { answers: new Map(this.answers), pending: this.pending.size, storageOk: this.storageOk };
    for (const listener of this.listeners) listener();
  }
}
