import type { ProctoringRow, StaffRef } from '@adal/shared';
import { AccessBadge, formatTimeLeft, timeLeftMs } from '@adal/shared/web';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { badgeOf, isOpen, type ShownAttempt } from '../attempts/attempt-rows.js';
import { HandOver } from './HandOver.js';
import '../attempts/attempts.css';

interface StudentSummaryProps {
  sittingId: string;
  row: ProctoringRow;
  /** Flags and lost sources no one has reviewed (from the live log when it is loaded). */
  openFlags: number;
  attempt: ShownAttempt | null;
  proctors: StaffRef[];
  canAct: boolean;
  live: boolean;
  onRow: (row: ProctoringRow) => void;
  titleId: string;
}

/** The countdown of an open attempt; it ticks only while the clock runs. */
function TimeLeft({ attempt }: { attempt: ShownAttempt }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = attempt.pausedAt === null;
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return (
    <span className="attempt-time">
      {t('staff.attempts.timeLeft', { time: formatTimeLeft(timeLeftMs(attempt, now)) })}
    </span>
  );
}

/** Who the student is and where they are: stage, access, room scan, flags, test, proctor. */
export function StudentSummary({
  sittingId,
  row,
  openFlags,
  attempt,
  proctors,
  canAct,
  live,
  onRow,
  titleId,
}: StudentSummaryProps) {
  const { t } = useTranslation();
  const badge = attempt ? badgeOf(attempt) : null;
  return (
    <header className="card sd-summary" data-stage={row.stage} data-room-scan={row.roomScan}>
      <div className="page-head">
        <div>
          <h1 id={titleId}>{row.fullName}</h1>
          <p className="muted">
            {t('studentDetail.summary.iin')} <span className="iin">{row.iin}</span>
          </p>
        </div>
        <span className={live ? 'live-indicator' : 'live-indicator offline'} role="status" data-live={live}>
          {live ? t('studentDetail.summary.live') : t('studentDetail.summary.offline')}
        </span>
      </div>
      <dl className="facts sd-facts">
        <div>
          <dt>{t('studentDetail.summary.stage')}</dt>
          <dd>
            <span className={`badge sd-stage sd-stage-${row.stage}`} data-testid="student-stage">
              {t(`studentDetail.stages.${row.stage}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('studentDetail.summary.access')}</dt>
          <dd>
            <AccessBadge access={row.access} />
          </dd>
        </div>
        <div>
          <dt>{t('studentDetail.summary.roomScan')}</dt>
          <dd data-testid="room-scan">{t(`studentDetail.roomScan.${row.roomScan}`)}</dd>
        </div>
        <div>
          <dt>{t('studentDetail.summary.openFlags')}</dt>
          <dd data-testid="open-flags">{openFlags}</dd>
        </div>
        <div>
          <dt>{t('studentDetail.summary.test')}</dt>
          <dd>
            {attempt && badge ? (
              <span className="sd-attempt" data-attempt-status={badge}>
                <span className={`badge attempt-badge attempt-${badge}`}>
                  {badge === 'paused' ? t('staff.attempts.paused') : t(`staff.attempts.status.${badge}`)}
                </span>{' '}
                {t('staff.attempts.answered', { answered: attempt.answered, total: attempt.questions })}
                {isOpen(attempt.status) && (
                  <>
                    {' · '}
                    <TimeLeft attempt={attempt} />
                  </>
                )}
              </span>
            ) : (
              <span className="muted">{t('staff.attempts.notStarted')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('studentDetail.summary.proctor')}</dt>
          <dd data-testid="student-proctor">
            {row.proctor?.fullName ?? t('studentDetail.summary.noProctor')}
          </dd>
        </div>
      </dl>
      {canAct && <HandOver sittingId={sittingId} row={row} proctors={proctors} onRow={onRow} />}
    </header>
  );
}
