import { canSetAdmission, hasTicketDraw, type SittingWithRoster } from '@adal/shared';
import {
  ErrorNotice,
  formatDate,
  formatTime,
  Loading,
  useAuth,
  useDocumentTitle,
  useLanguage,
} from '@adal/shared/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, isNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { DrawFacts } from './DrawFacts.js';
import { DrawTable } from './DrawTable.js';
import { notDrawn } from './draw-view.js';
import { LiveStatus } from './LiveStatus.js';
import { RevealPanel } from './RevealPanel.js';
import { type TicketDrawState, useTicketDraw } from './use-ticket-draw.js';
import './ticket-draw.css';

/** `/sittings/:sittingId/draw`: the closed-ticket draw of a written, oral or state exam, live. */
export function TicketDrawPage() {
  const { t } = useTranslation();
  const { sittingId, sitting } = useStaffSitting();
  const { state } = sitting;
  useDocumentTitle(
    state.status === 'ready'
      ? t('sheetsConsole.draw.title', { discipline: state.data.discipline.name })
      : t('sheetsConsole.links.draw'),
  );

  return (
    <section className="draw-page" aria-labelledby="draw-title">
      <p>
        <Link to="/">{t('sheetsConsole.back')}</Link>
      </p>
      {anyNotYours(sitting) ? (
        <p className="notice notice-error" role="alert">
          {t('sheetsConsole.notAllowed')}
        </p>
      ) : (
        <>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sitting.reload} />}
          {state.status === 'ready' &&
            (hasTicketDraw(state.data.kind) ? (
              <SittingDraw key={sittingId} sitting={state.data} />
            ) : (
              <p className="notice notice-info">{t('sheetsConsole.draw.noDraw')}</p>
            ))}
        </>
      )}
    </section>
  );
}

function SittingDraw({ sitting }: { sitting: SittingWithRoster }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const draw = useTicketDraw(sitting.sittingId);
  const { state } = draw.overview;
  const { user } = useAuth();
  // The server decides (403 for the commission); the role only keeps a useless button away.
  const canEnd = user !== null && canSetAdmission(user.role);

  return (
    <>
      <div className="page-head">
        <div>
          <h1 id="draw-title">{t('sheetsConsole.draw.title', { discipline: sitting.discipline.name })}</h1>
          <p className="muted">
            {sitting.group.name} · {t(`sittingKind.${sitting.kind}`)} ·{' '}
            {formatDate(sitting.startsAt, language)}, {formatTime(sitting.startsAt, language)}
          </p>
        </div>
        {state.status === 'ready' && <LiveStatus live={draw.live} />}
      </div>
      <p className="muted">{t('sheetsConsole.draw.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (isNotYours(state.error) ? (
          <p className="notice notice-error" role="alert">
            {t('sheetsConsole.notAllowed')}
          </p>
        ) : (
          <ErrorNotice error={state.error} onRetry={draw.overview.reload} />
        ))}
      {state.status === 'ready' && <DrawBody sitting={sitting} draw={draw} canEnd={canEnd} />}
    </>
  );
}

/** The loaded draw; exported for its render test. */
export function DrawBody({
  sitting,
  draw,
  canEnd,
}: {
  sitting: SittingWithRoster;
  draw: TicketDrawState;
  /** May end the draw (proctors, the technical secretary, admins). */
  canEnd: boolean;
}) {
  const { t } = useTranslation();
  const overview = draw.overview.state.status === 'ready' ? draw.overview.state.data : null;
  const waiting = useMemo(
    () => (overview ? notDrawn(sitting.students, overview.draws) : []),
    [sitting.students, overview],
  );
  if (!overview) return null;

  return (
    <div className="draw-body" data-revealed={overview.revealedAt !== null}>
      {!canEnd && (
        <p className="notice notice-info" data-testid="read-only">
          {t('sheetsConsole.draw.readOnly')}
        </p>
      )}
      {draw.refreshFailed && (
        <p className="notice notice-error" role="alert">
          {t('sheetsConsole.draw.refreshFailed')}
        </p>
      )}
      <DrawFacts overview={overview} />
      <DrawTable sittingId={sitting.sittingId} draws={overview.draws} />
      <section className="card draw-waiting" aria-labelledby="draw-waiting-title">
        <h2 id="draw-waiting-title">{t('sheetsConsole.draw.waiting.title')}</h2>
        {waiting.length === 0 ? (
          <p className="muted">{t('sheetsConsole.draw.waiting.none')}</p>
        ) : (
          <ul className="draw-waiting-list" data-testid="not-drawn">
            {waiting.map((student) => (
              <li key={student.studentId} data-student-id={student.studentId}>
                {student.fullName}
              </li>
            ))}
          </ul>
        )}
      </section>
      <RevealPanel
        overview={overview}
        reveal={draw.reveal}
        waiting={waiting.length}
        canEnd={canEnd}
        onRevealed={draw.applyReveal}
      />
    </div>
  );
}
