/**
 * Messages between the benchmark and its two child processes (child.ts): the synthetic students
 * (replay.ts) and the proctor side (proctor-receiver.ts).
 */

/** The steady-state window, in µs of the shared monotonic clock (stamp.ts `monoUs`). */
export interface MeasureWindow {
  startUs: number;
  endUs: number;
}

/** One stream the replay sends: to a student's PlainTransport port, with its own SSRC. */
export interface ReplayTarget {
  port: number;
  ssrc: number;
  /** Carried in the send stamp; the receiver maps it back to a source. */
  streamId: number;
  /** Index into SOURCES (clips.ts). */
  sourceIndex: number;
}

export type ReplayCommand =
  | {
      type: 'start';
      clips: string[];
      targets: ReplayTarget[];
      /** Where the baseline probe goes (the receiver's socket, bypassing the SFU). */
      probePort: number;
      window: MeasureWindow;
    }
  /** Stops sending and reports. */
  | { type: 'report' };

export interface ReplayReport {
  /** Per source (SOURCES order): packets and RTP bytes sent with a send time inside the window. */
  packets: number[];
  bytes: number[];
  /** How late the replay sent packets against the clip's schedule (it is one busy process too). */
  lateP99Ms: number;
}

export type ReplayEvent = { type: 'ready'; port: number } | { type: 'report'; report: ReplayReport };

export type ReceiverCommand = { type: 'window'; window: MeasureWindow; sources: number } | { type: 'report' };

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export interface ReceiverReport {
  /** Per source: packets received whose send stamp is inside the window, and their one-way delay. */
  packets: number[];
  delay: Percentiles[];
  /** Every source together. */
  delayAll: Percentiles;
  /** The probe sent straight from the replay: the delay floor of two busy Node processes. */
  probe: Percentiles;
  /** Packets received over the whole run (any send time), to compare with consumer stats. */
  total: number;
  unstamped: number;
}

export type ReceiverEvent = { type: 'ready'; port: number } | { type: 'report'; report: ReceiverReport };
