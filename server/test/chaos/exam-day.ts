import type { AttemptView, SittingWithRoster, TicketBoard } from '@adal/shared';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { TestClient } from '../http-client.js';
import { sheetPhoto } from '../sheet-images.js';
import { TestTaker } from './test-taker.js';
import { LogWriter, SheetWriter, type Successes } from './written-exam.js';

const login = (n: number) => `student${String(n).padStart(2, '0')}`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ExamDayOptions {
  /** Where the server is for the proctor (and the test). */
  serverUrl: string;
  /** Where the students reach it (a proxy standing for their network, or the server itself). */
  studentUrl?: string;
  takers: number;
  writers: number;
  pagesPerWriter: number;
}

/** A student of the written exam: their photos and their writing time. */
interface Writer {
  studentId: string;
  sheets: SheetWriter;
  attemptId: string;
  pages: Uint8Array[];
  uploads?: Promise<void>;
}

/**
 * A computer test and a written exam running at once: students answer over socket.io, write to
 * the proctor and upload answer-sheet photos; the proctor raises violations. Everything the
 * server acknowledged is remembered for the checks after the fault.
 */
export class ExamDay {
  proctor!: TestClient;
  testSitting = '';
  writtenSitting = '';
  readonly takers: { studentId: string; client: TestClient; taker: TestTaker }[] = [];
  readonly writers: Writer[] = [];
  readonly chat = new LogWriter();
  readonly violations = new LogWriter();
  /** Attempts whose attempt id changed when the student came back (they had to start over). */
  readonly startedOver: string[] = [];

  constructor(
    readonly options: ExamDayOptions,
    readonly database: Database,
  ) {}

  get studentUrl(): string {
    return this.options.studentUrl ?? this.options.serverUrl;
  }

  get attemptIds(): string[] {
    return [...this.takers.map((t) => t.taker.attemptId), ...this.writers.map((w) => w.attemptId)];
  }

  /** Admits everyone, starts the test attempts and draws the written exam's tickets. */
  async open(): Promise<void> {
    const o = this.options;
    this.proctor = await new TestClient(o.serverUrl).login('proctor1');
    const list = (await this.proctor.call('listSittings')).body as SittingWithRoster[];
    this.testSitting = list.find((s) => s.kind === 'computer_test')?.sittingId ?? '';
    this.writtenSitting = list.find((s) => s.kind === 'written')?.sittingId ?? '';
    if (!this.testSitting || !this.writtenSitting) throw new Error('the seed has no test or written exam');
    for (let n = 1; n <= o.takers + o.writers; n++) {
      const client = await new TestClient(this.studentUrl).login(login(n));
      const studentId = (await client.call('me')).body.id as string;
      const sittingId = n <= o.takers ? this.testSitting : this.writtenSitting;
      const admitted = await this.proctor.call('setAdmission', {
        params: { sittingId },
        body: { studentId, access: 'green' },
      });
      if (admitted.status !== 200) throw new Error(`admission ${admitted.status}`);
      if (n <= o.takers) {
        const started = await client.call('startAttempt', { params: { sittingId }, body: {} });
        if (started.status !== 200) throw new Error(`startAttempt ${started.status}`);
        const view = started.body as AttemptView;
        this.takers.push({
          studentId,
          client,
          taker: new TestTaker(this.studentUrl, client.cookie, view, login(n)),
        });
      } else {
        const drawn = await client.call('drawTicket', { params: { sittingId }, body: { card: 0 } });
        if (drawn.status !== 200) throw new Error(`drawTicket ${drawn.status}`);
        const board = (await client.call('ticketBoard', { params: { sittingId } })).body as TicketBoard;
        const pages: Uint8Array[] = [];
        for (let p = 1; p <= o.pagesPerWriter; p++)
          pages.push(await sheetPhoto({ width: 640, noise: 2, seed: n * 100 + p }));
        this.writers.push({
          studentId,
          sheets: new SheetWriter(client, sittingId),
          attemptId: board.writing?.attemptId ?? '',
          pages,
        });
      }
    }
  }

  /**
   * Gives every attempt a deadline `inMs` from now, with a proctor's pause counted in it. Sittings
   * last a minute at least; a shorter stored deadline keeps the chaos set quick. The proctor's
   * resume schedules the deadline job, as it would after any pause.
   */
  async setDeadlines(inMs: number, pauseMs = 300): Promise<void> {
    const all = [
      ...this.takers.map((t) => ({ sittingId: this.testSitting, attemptId: t.taker.attemptId })),
      ...this.writers.map((w) => ({ sittingId: this.writtenSitting, attemptId: w.attemptId })),
    ];
    const each = (route: 'pauseAttempt' | 'resumeAttempt') =>
      Promise.all(
        all.map(async (params) => {
          const res = await this.proctor.call(route, { params, body: {} });
          if (res.status !== 200) throw new Error(`${route} ${res.status}`);
        }),
      );
    await each('pauseAttempt');
    await this.database.db.execute(
      sql`UPDATE attempts SET deadline_at = now() + make_interval(secs => ${inMs / 1000})
          WHERE id IN (${sql.join(
            all.map((a) => sql`${a.attemptId}`),
            sql`, `,
          )})`,
    );
    await wait(pauseMs);
    await each('resumeAttempt');
  }

  /** Everyone gets to work: answers, photos, messages to the proctor, the proctor's violations. */
  begin(): void {
    for (const { taker } of this.takers) taker.startTyping(300);
    for (const w of this.writers) w.uploads = w.sheets.uploadPages(w.pages, 800);
    const students = [
      ...this.takers.map((t) => ({ ...t, sittingId: this.testSitting })),
      ...this.writers.map((w) => ({
        studentId: w.studentId,
        client: w.sheets.client,
        sittingId: this.writtenSitting,
      })),
    ];
    this.chat.start(700, (n) => {
      const s = students[n % students.length] as (typeof students)[number];
      return {
        studentId: s.studentId,
        send: () =>
          s.client.call('messageProctor', {
            params: { sittingId: s.sittingId },
            body: { text: `question ${n}` },
          }),
      };
    });
    this.violations.start(900, (n) => {
      const s = students[(n * 7) % students.length] as (typeof students)[number];
      return {
        studentId: s.studentId,
        send: () =>
          this.proctor.call('raiseViolation', {
            params: { sittingId: s.sittingId, studentId: s.studentId },
            body: { type: 'talking', severity: 'low', note: `violation ${n}` },
          }),
      };
    });
  }

  /**
   * As after a reload: the test's "Next" and the written exam's ticket table must bring back the
   * same attempt (the student never starts over).
   */
  async comeBack(): Promise<void> {
    for (const { client, taker } of this.takers) {
      const again = await client.call('startAttempt', { params: { sittingId: this.testSitting }, body: {} });
      if (again.body?.attemptId !== taker.attemptId) this.startedOver.push(taker.attemptId);
    }
    for (const w of this.writers) {
      const board = await w.sheets.client.call('ticketBoard', { params: { sittingId: this.writtenSitting } });
      if (board.body?.writing?.attemptId !== w.attemptId) this.startedOver.push(w.attemptId);
    }
  }

  /**
   * Stops making changes and sends what is still queued (false when some answer stayed unsent
   * within `timeoutMs`); then lets the uploads finish (pages may come after the writing time)
   * and stops the log writers.
   */
  async finishWork(
    timeoutMs: number,
    uploadsMs: number,
  ): Promise<{ answersSent: boolean; pagesSent: boolean }> {
    for (const { taker } of this.takers) taker.stopTyping();
    const settled = await Promise.all(this.takers.map(({ taker }) => taker.settle(timeoutMs)));
    const uploads = Promise.all(this.writers.map((w) => w.uploads));
    const pagesSent = await Promise.race([uploads.then(() => true), wait(uploadsMs).then(() => false)]);
    for (const w of this.writers) w.sheets.stop();
    await Promise.all([this.chat.stop(), this.violations.stop()]);
    return { answersSent: settled.every(Boolean), pagesSent };
  }

  /** Each kind of request with its successes, for the recovery time. */
  successesByKind(): Record<string, Successes> {
    return {
      answers: this.takers.flatMap(({ taker }) => taker.successes),
      pages: this.writers.flatMap((w) => w.sheets.successes),
      'student messages': this.chat.successes,
      violations: this.violations.successes,
    };
  }

  close(): void {
    for (const { taker } of this.takers) taker.close();
    for (const w of this.writers) w.sheets.stop();
  }
}

/**
 * From the fault to the moment every kind of request had succeeded again (the first success of a
 * request sent after the fault, per kind; the slowest kind counts), in seconds; `missing` names
 * the kinds that never succeeded after the fault.
 */
export function recovery(faultAt: number, kinds: Record<string, Successes>) {
  let latest = faultAt;
  const missing: string[] = [];
  for (const [kind, list] of Object.entries(kinds)) {
    const first = list.filter((s) => s.sentAt >= faultAt).sort((a, b) => a.at - b.at)[0];
    if (first) latest = Math.max(latest, first.at);
    else missing.push(kind);
  }
  return { seconds: Math.round((latest - faultAt) / 100) / 10, missing };
}
