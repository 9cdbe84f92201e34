import { useAuth } from '@adal/shared/web';
import { useEffect } from 'react';
import { browserReportStorage, FlagSender } from '../monitoring/flag-sender.js';
import { FocusWatch } from './focus-watch.js';

/** While the attempt runs (`active`), leaving the exam page is a focus_lost flag (FocusWatch). */
export function usePageFocusFlags(sittingId: string, active: boolean): void {
  const { callApi } = useAuth();
  useEffect(() => {
    if (!active) return;
    const sender = new FlagSender(
      `page-focus-flags:${sittingId}`,
      async (reports) => void (await callApi('reportFlags', { params: { sittingId }, body: { reports } })),
      browserReportStorage(),
    );
    const watch = new FocusWatch({
      window,
      document,
      report: (report) => sender.add(report),
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
    });
    return () => {
      watch.stop();
      sender.retire(); // the episode's end goes out once; storage keeps it if that fails
    };
  }, [sittingId, active, callApi]);
}
