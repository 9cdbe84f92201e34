/** What one load generator counts: sends, acks and their latency, errors, what the server holds. */
import type { AckedAnswer, GeneratorResult } from './messages.js';

export interface PendingAnswer {
  sentAt: number;
  /** Epoch ms: the runner sorts answers into ramp and window by it. */
  sentAtEpoch: number;
  timedOut: boolean;
}

const inc = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export class GeneratorTally {
  private readonly pending = new Set<PendingAnswer>();
  private readonly latencies: number[] = [];
  private readonly sentAt: number[] = [];
  private readonly startLatencies: number[] = [];
  private readonly connectLatencies: number[] = [];
  private readonly errorCodes: Record<string, number> = {};
  private readonly joinErrors: Record<string, number> = {};
  /** Newest revision the server said it holds, per attempt and question. */
  private readonly held = new Map<string, AckedAnswer>();
  private sentCount = 0;
  private okAcks = 0;
  private refusedCount = 0;
  private timeouts = 0;
  private lateAcks = 0;
  private disconnects = 0;

  ackTimeoutMs = 10_000;

  get inFlight(): number {
    return this.pending.size;
  }

  /** Age of the oldest answer still waiting for its ack (0 when none is). */
  oldestPendingMs(): number {
    // A Set iterates in insertion order: the first entry is the oldest.
    const first = this.pending.values().next();
    return first.done ? 0 : performance.now() - first.value.sentAt;
  }

  progress() {
    return {
      inFlight: this.pending.size,
      oldestPendingMs: this.oldestPendingMs(),
      sent: this.sentCount,
      acked: this.okAcks,
      failed: this.refusedCount + this.timeouts + Object.values(this.joinErrors).reduce((a, b) => a + b, 0),
    };
  }

  started(latencyMs: number): void {
    this.startLatencies.push(latencyMs);
  }

  connected(latencyMs: number): void {
    this.connectLatencies.push(latencyMs);
  }

  joinError(reason: string): void {
    inc(this.joinErrors, reason);
  }

  disconnected(): void {
    this.disconnects++;
  }

  sent(): PendingAnswer {
    const p = { sentAt: performance.now(), sentAtEpoch: Date.now(), timedOut: false };
    this.sentCount++;
    this.pending.add(p);
    return p;
  }

  acked(p: PendingAnswer, attemptId: string, questionId: string, revision: number): void {
    this.settle(p);
    this.okAcks++;
    const key = `${attemptId}/${questionId}`;
    const before = this.held.get(key);
    if (!before || before[2] < revision) this.held.set(key, [attemptId, questionId, revision]);
  }

  refused(p: PendingAnswer, code: string): void {
    this.settle(p);
    this.refusedCount++;
    inc(this.errorCodes, code);
  }

  /** Marks answers without an ack for ackTimeoutMs as timed out (once each); call it often. */
  sweep(): void {
    const limit = performance.now() - this.ackTimeoutMs;
    for (const p of this.pending)
      if (!p.timedOut && p.sentAt < limit) {
        p.timedOut = true;
        this.timeouts++;
      }
  }

  result(loopDelayP99Ms: number): GeneratorResult {
    this.sweep();
    return {
      type: 'result',
      latencies: this.latencies,
      sentAt: this.sentAt,
      unackedSentAt: [...this.pending].map((p) => p.sentAtEpoch),
      sent: this.sentCount,
      okAcks: this.okAcks,
      errorCodes: this.errorCodes,
      timeouts: this.timeouts,
      lateAcks: this.lateAcks,
      joinErrors: this.joinErrors,
      startLatencies: this.startLatencies,
      connectLatencies: this.connectLatencies,
      disconnects: this.disconnects,
      acked: [...this.held.values()],
      loopDelayP99Ms,
    };
  }

  private settle(p: PendingAnswer): void {
    this.pending.delete(p);
    if (p.timedOut) this.lateAcks++;
    this.latencies.push(performance.now() - p.sentAt);
    this.sentAt.push(p.sentAtEpoch);
  }
}
