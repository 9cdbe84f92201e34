import {
  type DefenceActionBody,
  type DefenceScheduleView,
  type DefenceSlotView,
  talkTimerMs,
} from '@adal/shared';
import { formatTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { DefenceControls } from './DefenceControls.js';
import { QuestionForm } from './QuestionForm.js';
import { TalkTimer } from './TalkTimer.js';

export interface CurrentDefenceProps {
  view: DefenceScheduleView;
  nowMs: number;
  busy: boolean;
  onAct(studentId: string, body: DefenceActionBody): Promise<boolean>;
  onAsk(studentId: string, text: string): Promise<boolean>;
}

/** Who defends now: the talk timer, the secretary's controls, interruptions and written questions. */
export function CurrentDefence({ view, nowMs, busy, onAct, onAsk }: CurrentDefenceProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const defender = view.rows.find((r) => r.studentId === view.current);
  const next = view.rows.find((r) => r.studentId === view.next);
  return (
    <section className="card defence-current" aria-labelledby="defence-current-title">
      <h2 id="defence-current-title">
        {t('thesisDefence.current.title')}
        {defender && `: ${defender.fullName}`}
      </h2>
      {defender ? (
        <>
          <p className="defence-stage" data-stage={defender.stage}>
            {t(`thesisDefence.stages.${defender.stage}`)}
          </p>
          <TalkTimer
            elapsedMs={talkTimerMs(defender, view.serverNow, nowMs)}
            stage={defender.stage}
            warnMinutes={view.talkWarnMinutes}
            talkMinutes={view.talkMinutes}
          />
          {defender.stage === 'interrupted' && (
            <p className="notice notice-error" role="alert">
              {t('thesisDefence.current.decide')}
            </p>
          )}
          {view.canRun && <DefenceControls defender={defender} busy={busy} onAct={onAct} />}
          <Interruptions defender={defender} />
          <Questions defender={defender} />
          {view.canRun && (
            <QuestionForm
              key={defender.studentId}
              studentName={defender.fullName}
              busy={busy}
              onAsk={(text) => onAsk(defender.studentId, text)}
            />
          )}
        </>
      ) : (
        <>
          <p>{t('thesisDefence.current.none')}</p>
          {next ? (
            <>
              <p>
                {t('thesisDefence.current.next', {
                  name: next.fullName,
                  time: formatTime(next.expectedStart, language),
                })}
              </p>
              {view.canRun && (
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy}
                  onClick={() => void onAct(next.studentId, { action: 'start' })}
                  data-testid="start-defence"
                >
                  {t('thesisDefence.actions.start', { name: next.fullName })}
                </button>
              )}
            </>
          ) : (
            <p className="muted">{t('thesisDefence.current.nobodyNext')}</p>
          )}
        </>
      )}
    </section>
  );
}

function Interruptions({ defender }: { defender: DefenceSlotView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (defender.interruptions.length === 0) return null;
  return (
    <>
      <h3>{t('thesisDefence.interruptions.title')}</h3>
      <ul className="defence-interruptions">
        {defender.interruptions.map((i) => {
          const from = formatTime(i.interruptedAt, language);
          return (
            <li key={i.interruptedAt}>
              {i.decision && i.decidedAt
                ? t(`thesisDefence.interruptions.${i.decision}`, {
                    from,
                    to: formatTime(i.decidedAt, language),
                    reason: i.reason,
                  })
                : t('thesisDefence.interruptions.open', { from, reason: i.reason })}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Questions({ defender }: { defender: DefenceSlotView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <>
      <h3>{t('thesisDefence.questions.title')}</h3>
      {defender.questions.length === 0 ? (
        <p className="muted">{t('thesisDefence.questions.none')}</p>
      ) : (
        <ol className="defence-questions">
          {defender.questions.map((q) => (
            <li key={q.id}>
              <p className="defence-question-text">{q.text}</p>
              <p className="muted">
                {t('thesisDefence.questions.meta', {
                  name: q.askedBy,
                  time: formatTime(q.askedAt, language),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
