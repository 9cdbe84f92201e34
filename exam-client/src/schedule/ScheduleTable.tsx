import type { ScheduleEntry } from '@adal/shared';
import { AccessBadge, formatDate, formatTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MakeUpBadge } from '../make-up/MakeUpBadge.js';
import { entryPath } from './schedule.js';

export function ScheduleTable({ entries }: { entries: ScheduleEntry[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="table-wrap">
      <table className="schedule">
        <thead>
          <tr>
            <th scope="col">{t('schedule.discipline')}</th>
            <th scope="col">{t('schedule.date')}</th>
            <th scope="col">{t('schedule.startTime')}</th>
            <th scope="col">{t('schedule.kind')}</th>
            <th scope="col">{t('schedule.controlKind')}</th>
            <th scope="col">{t('schedule.duration')}</th>
            <th scope="col">{t('schedule.access')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('schedule.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.sittingId}
              data-sitting-id={entry.sittingId}
              data-kind={entry.kind}
              data-make-up-of={entry.makeUpOf ?? undefined}
            >
              <th scope="row">
                {entry.discipline.name}
                {entry.makeUpOf && <MakeUpBadge />}
                <span className="discipline-code">{entry.discipline.code}</span>
              </th>
              <td className="nowrap">{formatDate(entry.startsAt, language)}</td>
              <td className="nowrap">
                <time dateTime={entry.startsAt}>{formatTime(entry.startsAt, language)}</time>
              </td>
              <td>{t(`sittingKind.${entry.kind}`)}</td>
              <td>{t(`controlKind.${entry.controlKind}`)}</td>
              <td className="nowrap">{t('common.minutes', { count: entry.durationMinutes })}</td>
              <td>
                <AccessBadge access={entry.access} />
              </td>
              <td>
                {entry.access === 'green' && (
                  <Link
                    className="button-link"
                    to={entryPath(entry)}
                    aria-label={t('schedule.enterLabel', { discipline: entry.discipline.name })}
                  >
                    {t('schedule.enter')}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
