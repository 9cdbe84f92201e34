import type { DefenceActionBody, DefenceScheduleView, SittingWithRoster } from '@adal/shared';
import { ErrorNotice, errorMessage, LiveIndicator, Loading, useDocumentTitle } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { CurrentDefence } from './CurrentDefence.js';
import { PresentationView } from './PresentationView.js';
import { ScheduleTable } from './ScheduleTable.js';
import { useDefence, useServerNow } from './use-defence.js';
import './thesis-defence.css';

/** `/sittings/:sittingId/defence`: the thesis defence in list order, run by the secretary or chair. */
export function DefencePage() {
  const { t } = useTranslation();
  const { sitting } = useStaffSitting();
  const { state } = sitting;
  useDocumentTitle(t('thesisDefence.title'));
  return (
    <section className="defence-page" aria-labelledby="defence-title">
      <p>
        <Link to="/">{t('common.back')}</Link>
      </p>
      {anyNotYours(sitting) && (
        <p className="notice notice-error" role="alert">
          {t('thesisDefence.notYours')}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sitting.reload} />}
      {state.status === 'ready' && <SittingDefence sitting={state.data} />}
    </section>
  );
}

function SittingDefence({ sitting }: { sitting: SittingWithRoster }) {
  const { t } = useTranslation();
  const defence = useDefence(sitting.sittingId);
  const nowMs = useServerNow(defence.offsetMs);
  const { state } = defence.schedule;
  return (
    <>
      <div className="page-head">
        <h1 id="defence-title">
          {t('thesisDefence.title')}: {sitting.discipline.name}
        </h1>
        {state.status === 'ready' && <LiveIndicator live={defence.live} />}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={defence.schedule.reload} />}
      {state.status === 'ready' && (
        <DefenceBoard
          view={state.data}
          nowMs={nowMs}
          busy={defence.busy}
          onAct={defence.act}
          onAsk={defence.ask}
          presentation
        />
      )}
      {defence.error !== null && (
        <p className="notice notice-error" role="alert">
          {errorMessage(t, defence.error)}
        </p>
      )}
    </>
  );
}

export interface DefenceBoardProps {
  view: DefenceScheduleView;
  nowMs: number;
  busy: boolean;
  onAct(studentId: string, body: DefenceActionBody): Promise<boolean>;
  onAsk(studentId: string, text: string): Promise<boolean>;
  /** The defender's live screen (off in tests rendered without a media server). */
  presentation?: boolean;
}

/** The defence once loaded: the current defender with the presentation, then the schedule. */
export function DefenceBoard({ view, nowMs, busy, onAct, onAsk, presentation }: DefenceBoardProps) {
  const { t } = useTranslation();
  const defender = view.rows.find((r) => r.studentId === view.current);
  return (
    <>
      <p className="muted">{t('thesisDefence.intro', { slot: view.slotMinutes, talk: view.talkMinutes })}</p>
      {!view.canRun && <p className="notice notice-info">{t('thesisDefence.watchOnly')}</p>}
      <div className="defence-layout">
        <CurrentDefence view={view} nowMs={nowMs} busy={busy} onAct={onAct} onAsk={onAsk} />
        {presentation && defender && (
          <PresentationView
            key={defender.studentId}
            sittingId={view.sittingId}
            studentId={defender.studentId}
            fullName={defender.fullName}
          />
        )}
      </div>
      <ScheduleTable view={view} nowMs={nowMs} />
    </>
  );
}
