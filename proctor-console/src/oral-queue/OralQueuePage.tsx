import type { OralQueueView, SittingWithRoster } from '@adal/shared';
import { ErrorNotice, errorMessage, LiveIndicator, Loading, useDocumentTitle } from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { AnsweringTicket } from './AnsweringTicket.js';
import { absent, inQueue, rowTimer, untilQuestioning } from './queue-timers.js';
import { useOralQueue } from './use-oral-queue.js';

/** Ticks once a second so the timers move. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** `/sittings/:sittingId/queue`: who prepares, who answers, and "Next student" (oral and state exams). */
export function OralQueuePage() {
  const { t } = useTranslation();
  const { sitting } = useStaffSitting();
  const { state } = sitting;
  useDocumentTitle(t('oralQueue.title'));
  return (
    <section className="oral-queue-page" aria-labelledby="queue-title">
      <p>
        <Link to="/">{t('common.back')}</Link>
      </p>
      {anyNotYours(sitting) && (
        <p className="notice notice-error" role="alert">
          {t('oralQueue.notYours')}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sitting.reload} />}
      {state.status === 'ready' && <SittingQueue sitting={state.data} />}
    </section>
  );
}

function SittingQueue({ sitting }: { sitting: SittingWithRoster }) {
  const { t } = useTranslation();
  const { queue, live, skewMs, callNext, calling, callError } = useOralQueue(sitting.sittingId);
  const serverNow = useNow() - skewMs;
  const { state } = queue;
  const answering =
    state.status === 'ready' ? state.data.rows.find((r) => r.studentId === state.data.answering) : undefined;
  return (
    <>
      <div className="page-head">
        <h1 id="queue-title">
          {t('oralQueue.title')}: {sitting.discipline.name}
        </h1>
        {state.status === 'ready' && <LiveIndicator live={live} />}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={queue.reload} />}
      {state.status === 'ready' && (
        <QueueTable queue={state.data} serverNow={serverNow} onNext={callNext} calling={calling} />
      )}
      {state.status === 'ready' && answering?.ticketNumber != null && (
        <AnsweringTicket
          key={answering.studentId}
          sittingId={sitting.sittingId}
          studentId={answering.studentId}
          studentName={answering.fullName}
        />
      )}
      {callError !== null && (
        <p className="notice notice-error" role="alert">
          {errorMessage(t, callError)}
        </p>
      )}
    </>
  );
}

function QueueTable(props: {
  queue: OralQueueView;
  serverNow: number;
  onNext: () => Promise<void>;
  calling: boolean;
}) {
  const { t } = useTranslation();
  const { queue, serverNow } = props;
  const wait = untilQuestioning(queue, serverNow);
  const next = queue.rows.find((r) => r.studentId === queue.next);
  const missing = absent(queue);
  // "Too early" is as of the last answer: once the countdown is over the button is offered again.
  const blocked = queue.blockedBy === 'too_early' && !wait ? null : queue.blockedBy;
  return (
    <>
      <p className="muted">{t('oralQueue.intro', { minutes: queue.delayMinutes })}</p>
      <p className="queue-status" data-testid="queue-status">
        {queue.blockedBy === 'still_drawing' && t('oralQueue.stillDrawing')}
        {wait && t('oralQueue.startsIn', { time: wait, minutes: queue.delayMinutes })}
        {!wait &&
          (blocked === null || blocked === 'too_early') &&
          !queue.answering &&
          t('oralQueue.mayStart')}
        {queue.blockedBy === 'nobody_left' && t('oralQueue.allAnswered')}
      </p>
      <p>
        <button
          type="button"
          onClick={() => void props.onNext()}
          disabled={props.calling || blocked !== null}
        >
          {next ? t('oralQueue.next', { name: next.fullName }) : t('oralQueue.finishLast')}
        </button>
      </p>
      <table className="queue" aria-label={t('oralQueue.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">{t('oralQueue.student')}</th>
            <th scope="col">{t('oralQueue.ticket')}</th>
            <th scope="col">{t('oralQueue.stage')}</th>
            <th scope="col">{t('oralQueue.timer')}</th>
          </tr>
        </thead>
        <tbody>
          {inQueue(queue).map((r) => (
            <tr
              key={r.studentId}
              data-stage={r.stage}
              className={r.stage === 'answering' ? 'selected' : undefined}
            >
              <td>{r.place}</td>
              <td>{r.fullName}</td>
              <td>{r.ticketNumber ?? '—'}</td>
              <td>{t(`oralQueue.stages.${r.stage}`)}</td>
              <td className="nowrap">{rowTimer(r, serverNow) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="muted">
          {t('oralQueue.absent')}: {missing.map((r) => r.fullName).join(', ')}
        </p>
      )}
    </>
  );
}
