import type { AttemptView } from '@adal/shared';
import { type AdalSocket, useServerEvent } from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { type AttemptHold, holdOf, newerHold } from './attempt-hold.js';

/** Why the attempt stands still, from the loaded attempt and each `attempt:changed` after it. */
export function useAttemptHold(
  attemptId: string,
  view: AttemptView | null,
  socket: AdalSocket | null,
): AttemptHold | null {
  const [hold, setHold] = useState<AttemptHold | null>(null);
  useEffect(() => {
    if (view && view.attemptId === attemptId) setHold((h) => newerHold(h, holdOf(view)));
  }, [view, attemptId]);
  useServerEvent(socket, 'attempt:changed', (event) => {
    if (event.attemptId === attemptId) setHold((h) => newerHold(h, holdOf(event)));
  });
  return hold;
}
