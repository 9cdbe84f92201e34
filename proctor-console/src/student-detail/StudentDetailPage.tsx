import {
  type LogEntry,
  type LogVerification,
  type ProctoringOverview,
  trustInput,
  trustScore,
  unreviewed,
} from '@adal/shared';
import { ErrorNotice, Loading, useDocumentTitle } from '@adal/shared/web';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StudentSheetsSection } from '../answer-sheets/StudentSheetsSection.js';
import { isNotYours } from '../sittings/use-staff-sitting.js';
import { ActionsPanel } from './ActionsPanel.js';
import { ChatBox } from './ChatBox.js';
import { ExtensionPanel } from './ExtensionPanel.js';
import { IdentityPanel } from './IdentityPanel.js';
import { LiveMedia } from './LiveMedia.js';
import { LogList } from './LogList.js';
import { OngoingFlags } from './OngoingFlags.js';
import { ReportPanel } from './ReportPanel.js';
import { StudentSummary } from './StudentSummary.js';
import { latestAttempt, openAttempt } from './student-attempts.js';
import { TrustBreakdown } from './TrustBreakdown.js';
import { type StudentDetail, useStudentDetail } from './use-student-detail.js';
import { useStudentFeeds } from './use-student-feeds.js';
import './student-detail.css';

/** Log entries that change the student's answer sheets. */
const SHEET_ENTRY_TYPES = new Set(['sheet_uploaded', 'sheet_accepted', 'sheet_rejected']);

/** How often the trust score is recomputed while time passes (shares grow with ongoing flags). */
const TRUST_TICK_MS = 5000;

/** `/sittings/:sittingId/students/:studentId`: one student, everything a proctor needs (issue 5). */
export function StudentDetailPage() {
  const { sittingId = '', studentId = '' } = useParams();
  // A new student starts from a clean page: no entries or dialogs carried over.
  return <StudentDetailView key={`${sittingId}/${studentId}`} sittingId={sittingId} studentId={studentId} />;
}

function StudentDetailView({ sittingId, studentId }: { sittingId: string; studentId: string }) {
  const { t } = useTranslation();
  const detail = useStudentDetail(sittingId, studentId);
  const { state } = detail.overview;
  useDocumentTitle(
    detail.row ? t('studentDetail.title', { name: detail.row.fullName }) : t('studentDetail.loadingTitle'),
  );

  return (
    <section className="student-detail">
      <p>
        <Link to={`/sittings/${sittingId}/proctoring`}>{t('studentDetail.back')}</Link>
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (isNotYours(state.error) ? (
          <p className="notice notice-error" role="alert">
            {t('studentDetail.notAllowed')}
          </p>
        ) : (
          <ErrorNotice error={state.error} onRetry={detail.overview.reload} />
        ))}
      {state.status === 'ready' &&
        (detail.row ? (
          <StudentDetailBody detail={detail} overview={state.data} />
        ) : (
          <p className="notice notice-error" role="alert">
            {t('studentDetail.notOnSitting')}
          </p>
        ))}
    </section>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The loaded page; exported for its render test. */
export function StudentDetailBody({
  detail,
  overview,
}: {
  detail: StudentDetail;
  overview: ProctoringOverview;
}) {
  const { t } = useTranslation();
  const { sittingId, studentId, log } = detail;
  const row = detail.row;
  const titleId = useId();
  const logTitleId = useId();
  const [listening, setListening] = useState(false);
  const feeds = useStudentFeeds(sittingId, studentId, listening);
  const [verification, setVerification] = useState<LogVerification | null>(null);
  const now = useNow(TRUST_TICK_MS);
  const entries = log.status === 'ready' ? log.data : null;
  const ongoing = row?.ongoing;
  // The same sum as the server's, from the live log: a review or a new flag shows at once.
  const trust = useMemo(
    () => (entries && ongoing ? trustScore(trustInput(entries, ongoing, now), overview.weights) : null),
    [entries, ongoing, now, overview.weights],
  );
  // Answer-sheet entries in the log: each one reloads the sheet counts beside it.
  const sheetChanges = entries ? entries.filter((e) => SHEET_ENTRY_TYPES.has(e.type)).length : null;
  if (!row) return null;
  const { canAct } = overview;
  const onEntry = (entry: LogEntry) => {
    detail.addEntry(entry);
    detail.refreshRow();
  };

  return (
    <div className="sd-layout" data-student-id={studentId} data-can-act={canAct}>
      <StudentSummary
        sittingId={sittingId}
        row={row}
        openFlags={entries ? unreviewed(entries).length : row.openFlags}
        attempt={latestAttempt(detail.attempts)}
        proctors={overview.proctors}
        canAct={canAct}
        live={detail.live}
        onRow={detail.replaceRow}
        titleId={titleId}
      />
      {!canAct && (
        <p className="notice notice-info sd-read-only" role="note" data-testid="read-only-notice">
          <strong>{t('studentDetail.readOnly.title')}</strong> {t('studentDetail.readOnly.body')}
        </p>
      )}
      <div className="sd-columns">
        <div className="sd-main">
          <LiveMedia feeds={feeds} listening={listening} onListen={setListening} />
          <OngoingFlags ongoing={row.ongoing} />
          <section className="card sd-log-card" aria-labelledby={logTitleId}>
            <h2 id={logTitleId}>{t('studentDetail.log.title')}</h2>
            {log.status === 'loading' && <Loading />}
            {log.status === 'error' && <ErrorNotice error={log.error} onRetry={detail.reloadLog} />}
            {entries && (
              <LogList
                sittingId={sittingId}
                studentId={studentId}
                entries={entries}
                brokenSeq={verification?.firstBroken?.seq ?? null}
                canAct={canAct}
                onReviewed={onEntry}
                titleId={logTitleId}
              />
            )}
            {canAct && <ChatBox sittingId={sittingId} studentId={studentId} onSent={detail.addEntry} />}
          </section>
        </div>
        <div className="sd-side">
          {canAct && (
            <ActionsPanel
              sittingId={sittingId}
              row={row}
              attempt={openAttempt(detail.attempts)}
              webcam={feeds.webcam}
              onRow={detail.replaceRow}
              onAdmitted={() => {
                detail.setAccess('green');
                detail.refreshRow();
              }}
              onClock={(attemptId, clock) => {
                detail.applyClock(attemptId, clock);
                detail.refreshRow();
              }}
              onEntry={onEntry}
            />
          )}
          <StudentSheetsSection
            sittingId={sittingId}
            studentId={studentId}
            studentName={row.fullName}
            changes={sheetChanges}
          />
          <TrustBreakdown score={trust ?? row.trust} />
          <IdentityPanel
            sittingId={sittingId}
            studentId={studentId}
            fullName={row.fullName}
            iin={row.iin}
            canDecide={canAct}
            socket={detail.socket}
          />
          <ExtensionPanel sittingId={sittingId} studentId={studentId} />
          <ReportPanel
            sittingId={sittingId}
            studentId={studentId}
            fileStem={reportFileStem(row.fullName)}
            onVerified={setVerification}
          />
        </div>
      </div>
    </div>
  );
}

/** "session-report-Aigerim-Nurlanovna": letters of any script, digits and dashes. */
const reportFileStem = (fullName: string) =>
  `session-report-${
    fullName
      .trim()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'student'
  }`;
