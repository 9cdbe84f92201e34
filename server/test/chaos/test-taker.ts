import type { Ack, AttemptAnswerAck, AttemptView } from '@adal/shared';
import { io } from 'socket.io-client';
import type { TestSocket } from '../socket-client.js';

/** A save the server acknowledged: what the student was told is stored. */
export interface AckedAnswer {
  revision: number;
  response: string[];
}

interface PendingSave {
  questionId: string;
  response: string[];
  revision: number;
  queuedAt: number;
}

/** As the exam client (exam-client/src/computer-test): errors after which a save never succeeds. */
const FINAL_ERRORS = new Set(['validation_failed', 'not_found', 'forbidden']);
const ACK_TIMEOUT_MS = 10_000;
const RETRY_DELAY_MS = 3000;

/**
 * A student taking a computer test, with the exam client's answer outbox (answer-sync.ts): every
 * change gets the question's next revision and is kept until acknowledged; a lost ack, a refusal
 * or a dropped socket leaves it queued, and the newest revision per question is resent on
 * reconnect and every few seconds. The socket reconnects by itself, as the browser's does.
 */
export class TestTaker {
  readonly acked = new Map<string, AckedAnswer>();
  private readonly pending = new Map<string, PendingSave>();
  private readonly inFlight = new Map<string, number>();
  private readonly revisions = new Map<string, number>();
  /** Every response made, by question and revision. */
  private readonly made = new Map<string, string[]>();
  /** When acks arrived, and when the save they answer was sent. */
  readonly successes: { sentAt: number; at: number }[] = [];
  /** Saves that got no ack or a refusal and had to be sent again. */
  failures = 0;
  readonly finalRefusals: string[] = [];
  private readonly socket: TestSocket;
  private typing: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private changes = 0;

  constructor(
    baseUrl: string,
    cookie: string | undefined,
    readonly view: AttemptView,
    private readonly name: string,
  ) {
    this.socket = io(baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: cookie ? { cookie } : {},
    });
    this.socket.on('connect', () => void this.flush());
  }

  get attemptId(): string {
    return this.view.attemptId;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Changes one answer every `everyMs` until stopTyping(). */
  startTyping(everyMs: number): void {
    this.typing = setInterval(() => this.change(), everyMs);
  }

  stopTyping(): void {
    clearInterval(this.typing);
  }

  /** Sends what is still queued until nothing is, or the time is up; true when all were acked. */
  async settle(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.pending.size && Date.now() < until) {
      await this.flush();
      await new Promise((r) => setTimeout(r, 250));
    }
    return this.pending.size === 0;
  }

  close(): void {
    this.stopTyping();
    clearTimeout(this.retryTimer);
    this.socket.close();
  }

  private change(): void {
    const questions = this.view.questions;
    const q = questions[this.changes++ % questions.length];
    if (!q) return;
    const revision = (this.revisions.get(q.questionId) ?? 0) + 1;
    this.revisions.set(q.questionId, revision);
    const response =
      q.kind === 'short_answer'
        ? [`${this.name} answer ${revision}`]
        : [q.options[revision % q.options.length]?.id as string];
    this.made.set(`${q.questionId}#${revision}`, response);
    const save = { questionId: q.questionId, response, revision, queuedAt: Date.now() };
    this.pending.set(q.questionId, save);
    void this.send(save);
  }

  private async flush(): Promise<void> {
    const order = [...this.pending.values()].sort((a, b) => a.queuedAt - b.queuedAt);
    for (const save of order) {
      if (this.pending.get(save.questionId) !== save) continue;
      if (!(await this.send(save))) return;
    }
  }

  /** Sends one save; false when the connection or the server says to stop for now. */
  private async send(save: PendingSave): Promise<boolean> {
    if (!this.socket.connected) return false;
    const { questionId, revision } = save;
    if (this.inFlight.get(questionId) === revision) return true;
    this.inFlight.set(questionId, revision);
    const sentAt = Date.now();
    let ack: Ack<AttemptAnswerAck> | null = null;
    try {
      ack = (await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('attempt:answer', {
        attemptId: this.attemptId,
        questionId,
        response: save.response,
        revision,
      })) as Ack<AttemptAnswerAck>;
    } catch {
      ack = null; // no answer (timeout, disconnect): still queued
    }
    if (this.inFlight.get(questionId) === revision) this.inFlight.delete(questionId);
    if (ack?.ok) {
      const stored = ack.data.revision;
      const known = this.acked.get(questionId);
      if (!known || known.revision < stored)
        this.acked.set(questionId, {
          revision: stored,
          response: this.made.get(`${questionId}#${stored}`) ?? [],
        });
      const kept = this.pending.get(questionId);
      if (kept && kept.revision <= stored) this.pending.delete(questionId);
      this.successes.push({ sentAt, at: Date.now() });
      return true;
    }
    this.failures++;
    if (ack && FINAL_ERRORS.has(ack.error.code)) {
      this.finalRefusals.push(`${ack.error.code}: ${ack.error.message}`);
      this.pending.delete(questionId);
      return true;
    }
    this.retryLater();
    return false;
  }

  private retryLater(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, RETRY_DELAY_MS);
  }
}
