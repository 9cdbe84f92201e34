/** What the runner and the load-generator processes tell each other over the fork IPC channel. */

/** Runner → generator, first: its students; each presses Next (startAttempt) before the ramp. */
export interface PrepareMessage {
  type: 'prepare';
  baseUrl: string;
  sittingId: string;
  /** Session token and place in the whole ramp (0 ≤ slot < 1) of each of this generator's students. */
  students: { token: string; slot: number }[];
  /** startAttempt calls this generator keeps in flight at once. */
  concurrency: number;
}

/** Runner → generator, second: when to connect and how often to answer (epoch ms, one clock for the machine). */
export interface GoMessage {
  type: 'go';
  startAt: number;
  rampMs: number;
  minGapMs: number;
  maxGapMs: number;
  ackTimeoutMs: number;
}

/** Runner → generator, third, once the load is steady: the measured window; sending stops at its end. */
export interface WindowMessage {
  type: 'window';
  start: number;
  end: number;
}

export type RunnerMessage = PrepareMessage | GoMessage | WindowMessage;

/** Generator → runner, once its modules are loaded and it listens. */
export interface GeneratorReady {
  type: 'ready';
}

/** Generator → runner: every student has an attempt (or failed to get one). */
export interface GeneratorPrepared {
  type: 'prepared';
  started: number;
  failed: number;
}

/** Generator → runner, every second while running. */
export interface GeneratorProgress {
  type: 'progress';
  connected: number;
  /** Answers sent and not yet acknowledged, and how long the oldest of them has waited. */
  inFlight: number;
  oldestPendingMs: number;
  sent: number;
  acked: number;
  failed: number;
}

/** One (attempt, question) the server acknowledged, at the newest revision it said it holds. */
export type AckedAnswer = [attemptId: string, questionId: string, revision: number];

/** Generator → runner, once, after it stopped sending and every ack came or timed out. */
export interface GeneratorResult {
  type: 'result';
  /** Ack latency (ms) of every acknowledged answer (ok or not), and when it was sent (epoch ms). */
  latencies: number[];
  sentAt: number[];
  /** When each answer that got no ack at all before the generator stopped was sent. */
  unackedSentAt: number[];
  sent: number;
  okAcks: number;
  /** ack.ok = false, by error code. */
  errorCodes: Record<string, number>;
  /** No ack within ackTimeoutMs (some may still have come later: lateAcks). */
  timeouts: number;
  lateAcks: number;
  /** Joining: startAttempt failures and socket connect errors, by reason. */
  joinErrors: Record<string, number>;
  /** startAttempt latency (ms) of each student whose attempt started. */
  startLatencies: number[];
  /** Socket connect latency (ms), from io() to the connect event. */
  connectLatencies: number[];
  disconnects: number;
  acked: AckedAnswer[];
  /** This process's event-loop delay in the window: when high, the generator adds to the latencies. */
  loopDelayP99Ms: number;
}

export type GeneratorMessage = GeneratorReady | GeneratorPrepared | GeneratorProgress | GeneratorResult;
