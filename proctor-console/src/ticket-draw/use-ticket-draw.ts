import type { TicketDrawOverview, TicketDrawReveal } from '@adal/shared';
import { isApiError, type Resource, useAuth, useResource, useServerEvent } from '@adal/shared/web';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRefreshThrottle, type RefreshThrottle } from '../proctoring/refresh-throttle.js';
import { isTicketDrawn } from './draw-view.js';
import { useSittingWatch } from './use-sitting-watch.js';

/** Draws come in bursts at the start of an exam: at most one reload a second. */
const DRAW_REFRESH_MS = 1000;
/** Another staff member may end the draw (nothing is pushed for that): look again now and then. */
const OPEN_DRAW_POLL_MS = 30_000;

export interface TicketDrawState {
  overview: Resource<TicketDrawOverview>;
  /** The published order and salt once the draw has ended (null while it is open). */
  reveal: Resource<TicketDrawReveal | null>;
  live: boolean;
  refreshFailed: boolean;
  /** The answer of "End the draw": shown at once, without waiting for a reload. */
  applyReveal(reveal: TicketDrawReveal): void;
}

/** The sitting's draw, kept current: a reload whenever a student of the sitting draws. */
export function useTicketDraw(sittingId: string): TicketDrawState {
  const { callApi, sessionEnded } = useAuth();
  const overview = useResource(
    (signal) => callApi('sittingTicketDraw', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const { update } = overview;
  const ended = overview.state.status === 'ready' && overview.state.data.revealedAt !== null;
  const reveal = useResource(
    async (signal) => (ended ? callApi('ticketDrawReveal', { params: { sittingId }, signal }) : null),
    [callApi, sittingId, ended],
  );
  const [refreshFailed, setRefreshFailed] = useState(false);
  const throttle = useRef<RefreshThrottle | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const refresher = createRefreshThrottle(async () => {
      try {
        const fresh = await callApi('sittingTicketDraw', {
          params: { sittingId },
          signal: controller.signal,
        });
        // Draws only ever grow: never let an answer that left the server earlier replace a newer one.
        update((current) =>
          fresh.draws.length < current.draws.length ||
          (current.revealedAt !== null && fresh.revealedAt === null)
            ? current
            : fresh,
        );
        setRefreshFailed(false);
      } catch (error: unknown) {
        if (controller.signal.aborted) return;
        if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
        else setRefreshFailed(true);
        throw error;
      }
    }, DRAW_REFRESH_MS);
    throttle.current = refresher;
    return () => {
      refresher.dispose();
      controller.abort();
      if (throttle.current === refresher) throttle.current = null;
    };
  }, [callApi, sittingId, update, sessionEnded]);

  useEffect(() => {
    if (ended) return;
    const timer = setInterval(() => throttle.current?.trigger(), OPEN_DRAW_POLL_MS);
    return () => clearInterval(timer);
  }, [ended]);

  const { socket, live } = useSittingWatch(sittingId, () => throttle.current?.trigger());
  useServerEvent(socket, 'log:appended', (event) => {
    if (isTicketDrawn(event, sittingId)) throttle.current?.trigger();
  });

  const { update: updateReveal } = reveal;
  const applyReveal = useCallback(
    (published: TicketDrawReveal) => {
      update((current) => ({ ...current, revealedAt: published.revealedAt }));
      updateReveal(() => published);
    },
    [update, updateReveal],
  );

  return { overview, reveal, live, refreshFailed, applyReveal };
}
