import { type StudentDefenceView, talkTimerMs, talkWarning } from '@adal/shared';
import { type AdalSocket, formatTime, formatTimeLeft, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { useServerNow, useStudentDefence } from './use-student-defence.js';
import './thesis-defence.css';

/** A thesis defence on the sitting page: the student's own slot, talk timer and written questions. */
export function DefencePanel({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { defence, offsetMs } = useStudentDefence(sittingId, socket);
  const nowMs = useServerNow(offsetMs);
  if (defence.state.status !== 'ready') return null;
  return <DefenceSlot view={defence.state.data} nowMs={nowMs} />;
}

const STARTED = new Set(['talk', 'questions', 'interrupted', 'defended', 'stopped']);

/**
 * The student's defence: before it, their place, how many defend before them and when theirs is
 * expected (with the delay), and the reminder to share the entire screen with the presentation;
 * during it, the talk timer with its warnings and the questions the secretary writes.
 */
export function DefenceSlot({ view, nowMs }: { view: StudentDefenceView; nowMs: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const started = STARTED.has(view.stage);
  const running = view.stage === 'talk' || view.stage === 'questions' || view.stage === 'interrupted';
  return (
    <section className="card defence-panel" aria-labelledby="defence-panel-title" data-stage={view.stage}>
      <h2 id="defence-panel-title">{t('thesisDefence.mine.title')}</h2>
      {/* Changes with the stage only: a screen reader hears "your defence has started" and the like. */}
      <p
        role="status"
        className={
          view.stage === 'interrupted' || view.stage === 'stopped'
            ? 'notice notice-error'
            : started
              ? 'notice notice-info'
              : 'defence-panel-status'
        }
        data-testid="defence-stage"
      >
        {view.stage === 'waiting'
          ? t('thesisDefence.mine.place', { place: view.place, ahead: view.ahead })
          : t(`thesisDefence.mine.${view.stage}`)}
      </p>
      {view.stage === 'waiting' && (
        <>
          <p data-testid="defence-expected">
            {t('thesisDefence.mine.expected', { time: formatTime(view.expectedStart, language) })}
            {view.shiftMinutes > 0 &&
              ` ${t('thesisDefence.mine.shifted', {
                minutes: view.shiftMinutes,
                planned: formatTime(view.plannedStart, language),
              })}`}
          </p>
          <p className="muted">
            {t('thesisDefence.mine.slot', { slot: view.slotMinutes, talk: view.talkMinutes })}
          </p>
        </>
      )}
      {(view.stage === 'waiting' || running) && (
        <p className="notice notice-info defence-share">{t('thesisDefence.mine.share')}</p>
      )}
      {started && view.startedAt && (
        <StudentTalkTimer
          elapsedMs={talkTimerMs(view, view.serverNow, nowMs)}
          talking={view.stage === 'talk'}
          warnMinutes={view.talkWarnMinutes}
          talkMinutes={view.talkMinutes}
        />
      )}
      {started && (
        <>
          <h3 id="defence-questions-title">{t('thesisDefence.mine.questionsTitle')}</h3>
          {/* Polite live region: each new question is read out as it arrives. */}
          <div aria-live="polite" aria-relevant="additions" aria-labelledby="defence-questions-title">
            {view.questions.length === 0 ? (
              <p className="muted">{t('thesisDefence.mine.noQuestions')}</p>
            ) : (
              <ol className="defence-questions" data-testid="defence-questions">
                {view.questions.map((q) => (
                  <li key={q.id}>
                    <p className="defence-question-text">{q.text}</p>
                    <p className="muted">
                      <time dateTime={q.askedAt}>{formatTime(q.askedAt, language)}</time>
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </>
      )}
    </section>
  );
}

interface StudentTalkTimerProps {
  elapsedMs: number;
  /** Still talking: the warnings apply (they say nothing once the questions began). */
  talking: boolean;
  warnMinutes: number;
  talkMinutes: number;
}

/** The student's talk timer: amber "start concluding" at 7 minutes, red "time is up" at 10. */
export function StudentTalkTimer({ elapsedMs, talking, warnMinutes, talkMinutes }: StudentTalkTimerProps) {
  const { t } = useTranslation();
  const level = talkWarning(elapsedMs, warnMinutes, talkMinutes);
  const note = !talking
    ? ''
    : level === 'over'
      ? t('thesisDefence.mine.over', { minutes: talkMinutes })
      : level === 'warn'
        ? t('thesisDefence.mine.warn', { minutes: warnMinutes })
        : '';
  return (
    <div className="talk-timer" data-level={talking ? level : 'none'}>
      <span id="student-talk-label" className="talk-timer-label">
        {t('thesisDefence.mine.timer')}{' '}
        <span className="muted">({t('thesisDefence.timer.limit', { minutes: talkMinutes })})</span>
      </span>
      <span
        role="timer"
        aria-labelledby="student-talk-label"
        className="talk-timer-value"
        data-testid="student-talk-timer"
      >
        {formatTimeLeft(Math.floor(Math.max(0, elapsedMs) / 1000) * 1000)}
      </span>
      {/* Changes only at the thresholds, so it is announced then and not every second. */}
      <p className="talk-timer-note" role="alert" data-testid="student-talk-note">
        {note}
      </p>
    </div>
  );
}
