import { hasTicketDraw } from '@adal/shared';
import {
  AccessBadge,
  ErrorNotice,
  formatDateTime,
  Loading,
  useDocumentTitle,
  useLanguage,
} from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ChatLogPanel } from '../chat-log/ChatLogPanel.js';
import { ProctorInstructions } from '../chat-log/ProctorInstructions.js';
import { SittingEndedNotice } from '../chat-log/SittingEndedNotice.js';
import { TrustScoreSection } from '../chat-log/TrustScoreSection.js';
import { useChatLog } from '../chat-log/use-chat-log.js';
import { useInstructions } from '../chat-log/use-instructions.js';
import { IdentityStep } from '../identity/IdentityStep.js';
import { useSchedule } from '../schedule/schedule-context.js';
import { DefencePanel } from '../thesis-defence/DefencePanel.js';
import { TicketExam } from '../ticket-draw/TicketExam.js';

/** Loaded on demand: it brings mediasoup-client and the QR encoder. */
const DeviceCheck = lazy(() => import('../devices/DeviceCheck.js').then((m) => ({ default: m.DeviceCheck })));

/**
 * The exam room: admission, the proctor's instructions (room scan, warnings), the device check
 * and the Chat & log; once the sitting is over, why, and the trust score. Written, oral and state
 * exams run here below the device check (ticket, writing time, answer sheets, result), and so
 * does a thesis defence (the student's slot, talk timer and written questions); the computer test
 * has its own pages.
 */
export function SittingPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { sittingId = '' } = useParams();
  const { schedule, socket } = useSchedule();
  const { state } = schedule;
  const entry = state.status === 'ready' ? state.data.find((e) => e.sittingId === sittingId) : undefined;
  const log = useChatLog(sittingId, socket, Boolean(entry));
  const instructions = useInstructions(sittingId, log.entries);
  const { ended } = instructions;
  useDocumentTitle(entry ? entry.discipline.name : t('sitting.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={schedule.reload} />;

  return (
    <div className="sitting-page">
      <section className="card sitting" aria-labelledby="sitting-title">
        {entry ? (
          <>
            <h1 id="sitting-title">{entry.discipline.name}</h1>
            <p className="muted">
              {t(`sittingKind.${entry.kind}`)} · {t(`controlKind.${entry.controlKind}`)} ·{' '}
              {formatDateTime(entry.startsAt, language)}
            </p>
            <p>
              <AccessBadge access={entry.access} />
            </p>
            {ended ? (
              <SittingEndedNotice ended={ended} />
            ) : (
              <>
                <p className="sitting-message">
                  {entry.access === 'green' ? t('sitting.opensHere') : t('sitting.notAdmitted')}
                </p>
                <ProctorInstructions instructions={instructions} acknowledge={instructions.acknowledge} />
              </>
            )}
          </>
        ) : (
          <>
            <h1 id="sitting-title">{t('sitting.title')}</h1>
            <p>{t('sitting.notFound')}</p>
          </>
        )}
        <Link to="/">{t('common.back')}</Link>
      </section>
      {/* Before the exam content: the student's devices must be live (exam-procedures, "Device check"). */}
      {/* Once the sitting is over they are no longer needed: unmounting stops the camera and the screen. */}
      {entry && !ended && (
        <Suspense fallback={<Loading />}>
          <DeviceCheck
            sittingId={entry.sittingId}
            socket={socket}
            monitoring={entry.kind !== 'computer_test' && entry.access === 'green'}
          />
        </Suspense>
      )}
      {/* Identity check (face, ID document) for the proctor; the computer test has it as a step. */}
      {entry && !ended && entry.kind !== 'computer_test' && (
        <IdentityStep key={entry.sittingId} sittingId={entry.sittingId} socket={socket} />
      )}
      {/* Written, oral and state exams: the ticket, the writing time, the answer sheets, the result. */}
      {entry && hasTicketDraw(entry.kind) && (
        <TicketExam
          key={entry.sittingId}
          sittingId={entry.sittingId}
          kind={entry.kind}
          access={entry.access}
          socket={socket}
          sittingEnded={Boolean(ended)}
        />
      )}
      {/* Thesis defence: the student's slot in list order, the talk timer, the written questions. */}
      {entry?.kind === 'thesis_defence' && (
        <DefencePanel key={entry.sittingId} sittingId={entry.sittingId} socket={socket} />
      )}
      {entry && <TrustScoreSection sittingId={entry.sittingId} socket={socket} />}
      {entry && <ChatLogPanel log={log} inline />}
    </div>
  );
}
