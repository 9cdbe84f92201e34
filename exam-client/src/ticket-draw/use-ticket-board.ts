import type { DrawnTicket, TicketBoard } from '@adal/shared';
import { type AdalSocket, ApiError, useAuth, useOnConnect, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyAttemptChange, newerWriting, type WritingState, writingState } from './writing-clock.js';

export interface TicketBoardView {
  board: TicketBoard | null;
  writing: WritingState | null;
  /** The last load failed (the board shown, if any, is the one before). */
  error: ApiError | null;
  reload(): Promise<void>;
  /** Draws the card (index from 0); throws the server's refusal. Resolves once the board shows it. */
  draw(card: number): Promise<DrawnTicket>;
}

/** Before the draw the table is read again this often, so the face-down count follows other students. */
const TABLE_POLL_MS = 15_000;

const toApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError('internal', String(error), 0, [], error);

/**
 * The student's ticket table and, in written exams, the writing time. The writing clock follows
 * `attempt:changed` (pause, suspension, end); the table is read again on reconnect, when the
 * student's access changes, and every 15 s while they have not drawn.
 */
export function useTicketBoard(
  sittingId: string,
  socket: AdalSocket | null,
  access: string,
): TicketBoardView {
  const { callApi, sessionEnded } = useAuth();
  const [board, setBoard] = useState<TicketBoard | null>(null);
  const [writing, setWriting] = useState<WritingState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const current = useRef(sittingId);
  current.current = sittingId;

  const load = useCallback(async () => {
    const sentAt = Date.now();
    try {
      const next = await callApi('ticketBoard', { params: { sittingId } });
      if (current.current !== sittingId) return;
      setBoard(next);
      const clock = next.writing;
      setWriting((w) => (clock ? newerWriting(w, writingState(clock, Date.now(), sentAt)) : null));
      setError(null);
    } catch (cause) {
      const apiError = toApiError(cause);
      if (apiError.code === 'unauthenticated') sessionEnded();
      else setError(apiError);
    }
  }, [callApi, sittingId, sessionEnded]);

  // One read at a time; a reason to read again that comes meanwhile (admitted a moment ago) reads
  // once more after it, as the answer in flight may predate it.
  const again = useRef(false);
  const reload = useCallback((): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    inFlight.current = (async () => {
      try {
        do {
          again.current = false;
          await load();
        } while (again.current);
      } finally {
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, [load]);

  // Another sitting: nothing of the last one stays on screen.
  useEffect(() => {
    setBoard(null);
    setWriting(null);
    setError(null);
  }, [sittingId]);

  useEffect(() => {
    void access; // admitted or not changes what the table allows
    void reload();
  }, [reload, access]);

  const drawn = Boolean(board?.myTicket);
  useEffect(() => {
    if (drawn) return;
    const timer = setInterval(() => void reload(), TABLE_POLL_MS);
    return () => clearInterval(timer);
  }, [drawn, reload]);

  useServerEvent(socket, 'attempt:changed', (event) => {
    if (event.sittingId !== sittingId) return;
    // Writing started where this page did not see it (another tab): read the table again.
    if (writing?.attemptId !== event.attemptId) return void reload();
    setWriting((w) => applyAttemptChange(w, event, Date.now()));
  });
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) void reload();
  });

  const draw = useCallback(
    async (card: number) => {
      const ticket = await callApi('drawTicket', { params: { sittingId }, body: { card } });
      // The table carries the writing clock the draw started; until it is read, show the ticket.
      setBoard((b) => (b ? { ...b, myTicket: ticket, blockedBy: null } : b));
      await reload();
      return ticket;
    },
    [callApi, sittingId, reload],
  );

  return { board, writing, error, reload, draw };
}
