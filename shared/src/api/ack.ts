import type { ApiErrorBody } from './errors.js';

/** The one acknowledgement shape of every socket.io command. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };
export type AckCallback<T> = (ack: Ack<T>) => void;
