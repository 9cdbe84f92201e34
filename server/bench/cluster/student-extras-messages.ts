/** Runner ↔ student-extras process messages (fork IPC). */

export type ExtrasMessage =
  | {
      type: 'start';
      baseUrl: string;
      sittings: { sittingId: string; tokens: string[] }[];
      /** mediaToken calls in flight at once. */
      concurrency: number;
      /** Mean time between one student's flags. */
      flagGapMs: number;
    }
  | { type: 'stop'; windowStart: number; windowEnd: number };

export interface ExtrasMedia {
  type: 'media';
  /** Media tokens handed out per SFU node URL. */
  tokensBySfu: Record<string, number>;
  mediaErrors: Record<string, number>;
}

export interface ExtrasResult {
  type: 'result';
  flagsSent: number;
  /** Not sent: too many flag requests were already waiting for the server. */
  flagsSkipped: number;
  flagsAccepted: number;
  /** Accepted flags sent inside the measured window, and their HTTP latency (ms). */
  flagsInWindow: number;
  flagLatencies: number[];
  flagErrors: Record<string, number>;
  /** Signalling sockets still connected to an SFU node at the end. */
  mediaConnected: number;
  tokensBySfu: Record<string, number>;
  mediaErrors: Record<string, number>;
}

export type ExtrasReply = { type: 'ready' } | ExtrasMedia | ExtrasResult;
