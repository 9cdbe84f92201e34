import { hasTicketDraw, isOfficeRole, type RosterEntry, type SittingWithRoster } from '@adal/shared';
import {
  AccessBadge,
  EmptyState,
  ErrorNotice,
  formatDate,
  formatTime,
  useAuth,
  useLanguage,
} from '@adal/shared/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AnswerSheetsLink } from '../answer-sheets/AnswerSheetsLink.js';
import { AppealsLink } from '../appeals/AppealsLink.js';
import { AttemptCell } from '../attempts/AttemptCell.js';
import { latestByStudent } from '../attempts/attempt-rows.js';
import { useSittingAttempts } from '../attempts/use-sitting-attempts.js';
import { CommissionLink } from '../commission/CommissionLink.js';
import { GradingLink } from '../grading/GradingLink.js';
import { MakeUpBadge } from '../make-up/MakeUpBadge.js';
import { OralQueueLink } from '../oral-queue/OralQueueLink.js';
import { ProctoringLink } from '../proctoring/ProctoringLink.js';
import { RecordingsLink } from '../recordings/RecordingsLink.js';
import { TestPaperSection } from '../test-paper/TestPaperSection.js';
import { DefenceLink } from '../thesis-defence/DefenceLink.js';
import { TicketDrawLink } from '../ticket-draw/TicketDrawLink.js';
import { AdmissionButton } from './AdmissionButton.js';
import { admittedCount } from './roster.js';

interface SittingCardProps {
  sitting: SittingWithRoster;
  canAdmit: boolean;
  /** Whether this user may watch the sitting's live media. */
  canWatch: boolean;
  onRosterEntry: (sittingId: string, entry: RosterEntry) => void;
}

/**
 * One sitting: what and when, then its list of students with their access and the admit action.
 * A computer test also shows its test paper and, to those who watch it, each student's attempt.
 */
export function SittingCard({ sitting, canAdmit, canWatch, onRosterEntry }: SittingCardProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { user } = useAuth();
  const titleId = `sitting-${sitting.sittingId}`;
  const isTest = sitting.kind === 'computer_test';
  // Who may watch a sitting may follow its attempts (the server's WATCHERS); who admits, pauses.
  const showAttempts = isTest && canWatch;
  const attempts = useSittingAttempts(sitting.sittingId, showAttempts);
  const latest = useMemo(
    () => latestByStudent(attempts.state.status === 'ready' ? attempts.state.data : []),
    [attempts.state],
  );

  return (
    <section
      className="card sitting-card"
      aria-labelledby={titleId}
      data-sitting-id={sitting.sittingId}
      data-kind={sitting.kind}
    >
      <div className="page-head">
        <h2 id={titleId}>
          {sitting.discipline.name} <span className="kind-label">· {t(`sittingKind.${sitting.kind}`)}</span>
          {sitting.makeUpOf && <MakeUpBadge />}
        </h2>
        {canWatch && (
          <div className="sitting-links">
            <Link
              className="button-link live-link"
              to={`/sittings/${sitting.sittingId}/live`}
              aria-label={t('media.live.openLabel', { discipline: sitting.discipline.name })}
            >
              {t('media.live.open')}
            </Link>
            <ProctoringLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />
            <RecordingsLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />
            {hasTicketDraw(sitting.kind) && (
              <>
                <TicketDrawLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />
                <AnswerSheetsLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />
                {(sitting.kind === 'oral' || sitting.kind === 'state_exam') && (
                  <OralQueueLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />
                )}
              </>
            )}
            {sitting.kind === 'thesis_defence' && (
              <DefenceLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />
            )}
          </div>
        )}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('schedule.controlKind')}</dt>
          <dd>{t(`controlKind.${sitting.controlKind}`)}</dd>
        </div>
        <div>
          <dt>{t('console.group')}</dt>
          <dd>{sitting.group.name}</dd>
        </div>
        <div>
          <dt>{t('console.start')}</dt>
          <dd>
            <time dateTime={sitting.startsAt}>
              {formatDate(sitting.startsAt, language)}, {formatTime(sitting.startsAt, language)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t('console.duration')}</dt>
          <dd>{t('common.minutes', { count: sitting.durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t('console.students')}</dt>
          <dd data-testid="admitted-count">
            {t('console.admittedCount', { admitted: admittedCount(sitting), total: sitting.students.length })}
          </dd>
        </div>
      </dl>
      {isTest && <AppealsLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} />}
      <GradingLink sittingId={sitting.sittingId} discipline={sitting.discipline.name} kind={sitting.kind} />
      <CommissionLink
        sittingId={sitting.sittingId}
        discipline={sitting.discipline.name}
        kind={sitting.kind}
      />
      {isTest && <TestPaperSection sitting={sitting} canEdit={user !== null && isOfficeRole(user.role)} />}
      {showAttempts && attempts.state.status === 'error' && (
        <ErrorNotice error={attempts.state.error} onRetry={attempts.reload} />
      )}
      {sitting.students.length === 0 ? (
        <EmptyState>{t('console.noStudents')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="roster">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('console.fullName')}</th>
                <th scope="col">{t('console.iin')}</th>
                <th scope="col">{t('console.access')}</th>
                {showAttempts && <th scope="col">{t('staff.attempts.column')}</th>}
                {canAdmit && <th scope="col">{t('console.action')}</th>}
              </tr>
            </thead>
            <tbody>
              {sitting.students.map((student, index) => (
                <tr key={student.studentId} data-student-id={student.studentId}>
                  <td className="muted">{index + 1}</td>
                  <th scope="row">{student.fullName}</th>
                  <td className="iin">{student.iin}</td>
                  <td>
                    <AccessBadge access={student.access} />
                  </td>
                  {showAttempts && (
                    <td>
                      {/* Until the list has loaded, nobody is shown as "not started". */}
                      {attempts.state.status === 'ready' && (
                        <AttemptCell
                          sittingId={sitting.sittingId}
                          attempt={latest.get(student.studentId)}
                          studentName={student.fullName}
                          canPause={canAdmit}
                          onClock={attempts.applyClock}
                        />
                      )}
                    </td>
                  )}
                  {canAdmit && (
                    <td>
                      <AdmissionButton
                        sittingId={sitting.sittingId}
                        student={student}
                        onChanged={(entry) => onRosterEntry(sitting.sittingId, entry)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
