import type { AdalSocket } from '@adal/shared/web';
import type { AnswerTransport } from './answer-sync.js';
import { IdbOutboxStore } from './idb-outbox-store.js';
import { MemoryOutboxStore, type OutboxStore } from './outbox.js';

/** How long a save waits for its ack before it counts as lost and is sent again. */
const ACK_TIMEOUT_MS = 10_000;

/** `attempt:answer` over the app's socket; the socket may be replaced (sign-in) or not yet open. */
export function socketTransport(current: () => AdalSocket | null): AnswerTransport {
  return {
    get connected() {
      return current()?.connected ?? false;
    },
    send(payload) {
      const socket = current();
      if (!socket) return Promise.reject(new Error('no socket'));
      // With a timeout, the ack also fails at once when the socket drops (socket.io ≥ 4.7).
      return socket.timeout(ACK_TIMEOUT_MS).emitWithAck('attempt:answer', payload);
    },
  };
}

let store: OutboxStore | undefined;

/** One outbox per page: IndexedDB where the browser has it. */
export function outboxStore(): OutboxStore {
  store ??= typeof indexedDB === 'undefined' ? new MemoryOutboxStore() : new IdbOutboxStore();
  return store;
}
