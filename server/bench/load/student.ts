/**
 * One simulated student, as the exam client behaves: "Next" on the info page (startAttempt over
 * HTTP), a socket.io connection with the session cookie, then an answer every few seconds — a
 * random question of the paper, the question's next revision, sent at once whether or not
 * earlier saves were acknowledged (the client's outbox does the same). socket.io's own ping is
 * the heartbeat; the exam client has no application-level one.
 */
import {
  type Ack,
  type AttemptAnswerAck,
  type AttemptView,
  type ClientToServerEvents,
  http,
  pathFor,
  type ServerToClientEvents,
} from '@adal/shared';
import { io, type Socket } from 'socket.io-client';
import type { GoMessage } from './messages.js';
import type { GeneratorTally } from './tally.js';

type StudentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Question = AttemptView['questions'][number];

const START_TIMEOUT_MS = 60_000;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** A response the server accepts for the question: known option ids, one text for short answers. */
function responseFor(q: Question, revision: number): string[] {
  if (q.kind === 'short_answer') return [`answer ${revision}`];
  const ids = q.options.map((o) => o.id);
  if (q.kind !== 'multiple') return [pick(ids)];
  const chosen = ids.filter(() => Math.random() < 0.5);
  return chosen.length ? chosen : [pick(ids)];
}

export class SimulatedStudent {
  private socket: StudentSocket | undefined;
  private view: AttemptView | undefined;
  private readonly revisions = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly cookie: string;

  constructor(
    private readonly baseUrl: string,
    token: string,
    private readonly tally: GeneratorTally,
  ) {
    this.cookie = `adal_session=${token}`;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Presses Next: the server draws the paper. False when no attempt was started. */
  async startAttempt(sittingId: string): Promise<boolean> {
    const route = http.startAttempt;
    const t0 = performance.now();
    try {
      const res = await fetch(this.baseUrl + pathFor(route.path, { sittingId }), {
        method: route.method,
        headers: { cookie: this.cookie, 'content-type': 'application/json' },
        body: '{}',
        signal: AbortSignal.timeout(START_TIMEOUT_MS),
      });
      if (res.status !== 200) {
        await res.body?.cancel();
        this.tally.joinError(`startAttempt ${res.status}`);
        return false;
      }
      this.view = (await res.json()) as AttemptView;
    } catch (error) {
      this.tally.joinError(`startAttempt ${(error as Error).name}`);
      return false;
    }
    this.tally.started(performance.now() - t0);
    return true;
  }

  /** Opens the socket and, once connected, starts answering. */
  connect(go: GoMessage): void {
    if (!this.view || this.stopped) return;
    const t0 = performance.now();
    const socket: StudentSocket = io(this.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie: this.cookie },
    });
    this.socket = socket;
    socket.once('connect', () => {
      this.tally.connected(performance.now() - t0);
      this.schedule(go, Math.random() * go.maxGapMs);
    });
    socket.on('connect_error', (error) => this.tally.joinError(`connect: ${error.message}`));
    socket.on('disconnect', () => {
      if (!this.stopped) this.tally.disconnected();
    });
  }

  /** Stops answering; the socket stays open until close() so late acks still arrive. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  close(): void {
    this.stop();
    this.socket?.close();
  }

  private schedule(go: GoMessage, delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.answer();
      this.schedule(go, go.minGapMs + Math.random() * (go.maxGapMs - go.minGapMs));
    }, delayMs);
  }

  private answer(): void {
    const { socket, view } = this;
    // Offline, the real client keeps changes in its outbox; the student just waits here.
    if (!socket?.connected || !view || !view.questions.length) return;
    const q = pick(view.questions);
    const revision = (this.revisions.get(q.questionId) ?? 0) + 1;
    this.revisions.set(q.questionId, revision);
    const sent = this.tally.sent();
    socket.emit(
      'attempt:answer',
      { attemptId: view.attemptId, questionId: q.questionId, response: responseFor(q, revision), revision },
      (ack: Ack<AttemptAnswerAck>) => {
        if (ack.ok) this.tally.acked(sent, view.attemptId, ack.data.questionId, ack.data.revision);
        else this.tally.refused(sent, ack.error.code);
      },
    );
  }
}
