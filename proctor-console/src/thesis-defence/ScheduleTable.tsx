import { type DefenceScheduleView, talkTimerMs, talkWarning } from '@adal/shared';
import { formatTime, formatTimeLeft, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/** Every student's slot in list order: planned and expected time, stage and talk time. */
export function ScheduleTable({ view, nowMs }: { view: DefenceScheduleView; nowMs: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="table-wrap">
      <table className="defence-schedule" aria-label={t('thesisDefence.table.label')}>
        <thead>
          <tr>
            <th scope="col">{t('thesisDefence.table.place')}</th>
            <th scope="col">{t('thesisDefence.table.student')}</th>
            <th scope="col">{t('thesisDefence.table.planned')}</th>
            <th scope="col">{t('thesisDefence.table.expected')}</th>
            <th scope="col">{t('thesisDefence.table.stage')}</th>
            <th scope="col">{t('thesisDefence.table.talk')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => {
            const talk = talkTimerMs(r, view.serverNow, nowMs);
            return (
              <tr
                key={r.studentId}
                data-student-id={r.studentId}
                data-stage={r.stage}
                className={r.studentId === view.current ? 'selected' : undefined}
              >
                <td>{r.place}</td>
                <th scope="row">
                  {r.fullName}
                  {!r.admitted && r.stage === 'waiting' && (
                    <span className="muted"> · {t('thesisDefence.table.notAdmitted')}</span>
                  )}
                </th>
                <td className="nowrap">
                  <time dateTime={r.plannedStart}>{formatTime(r.plannedStart, language)}</time>
                </td>
                <td className="nowrap">
                  <time dateTime={r.expectedStart}>{formatTime(r.expectedStart, language)}</time>
                  {r.shiftMinutes > 0 && (
                    <span
                      className="defence-shift"
                      title={t('thesisDefence.table.shiftLabel', { minutes: r.shiftMinutes })}
                    >
                      {' '}
                      {t('thesisDefence.table.shift', { minutes: r.shiftMinutes })}
                    </span>
                  )}
                </td>
                <td>{t(`thesisDefence.stages.${r.stage}`)}</td>
                <td
                  className="nowrap defence-talk-cell"
                  data-level={talkWarning(talk, view.talkWarnMinutes, view.talkMinutes)}
                >
                  {r.startedAt ? formatTimeLeft(Math.floor(talk / 1000) * 1000) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
