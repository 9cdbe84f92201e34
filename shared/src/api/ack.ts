import type { ApiErrorBody } from './errors.js';

/** The one acknowledgement shape of every socket.io command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };
export type AckCallback<T> = (ack: Ack<T>) => void;

/** The payload a command takes and the data its ack carries, read off a socket.io event map. */
type Command = (payload: any, ack: (a: any) => void) => void;
export type CommandPayload<F extends Command> = Parameters<F>[0];
export type CommandAckData<F extends Command> = Parameters<F>[1] extends (a: infer A) => void
  ? A extends { ok: true; data: infer D }
    ? D
    : never
  : never;
