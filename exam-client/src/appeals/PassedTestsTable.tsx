import type { PassedTest } from '@adal/shared';
import { formatTime, formatTimeLeft, useLanguage } from '@adal/shared/web';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../computer-test/format.js';
import { AppealStatusBadge } from './AppealStatusBadge.js';
import { formatDay } from './academic-period.js';
import { type AppealCell, anyOpen, type PassedRow, passedRows } from './passed-rows.js';
import { appealPaths } from './paths.js';
import { useNow } from './use-now.js';

/** The seed's columns: name, discipline, date, questions and correct answers by difficulty, after appeal, grade. */
export function PassedTestsTable({ tests }: { tests: PassedTest[] }) {
  const { t } = useTranslation();
  const firstRows = useMemo(() => passedRows(tests, Date.now()), [tests]);
  // Tick only while some appeal window is open: its time left is shown and it closes at zero.
  const now = useNow(anyOpen(firstRows));
  const rows = useMemo(() => passedRows(tests, now), [tests, now]);
  const difficulties = rows[0]?.byDifficulty.map((d) => d.difficulty) ?? [];
  return (
    <div className="table-wrap">
      <table className="passed-tests-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('appeals.passed.testName')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('appeals.passed.discipline')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('appeals.passed.date')}
            </th>
            <th scope="colgroup" colSpan={3}>
              {t('appeals.passed.questions')}
            </th>
            <th scope="colgroup" colSpan={4}>
              {t('appeals.passed.correct')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('appeals.passed.afterAppeal')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('appeals.passed.grade')}
            </th>
            <th scope="col" rowSpan={2}>
              {t('appeals.passed.appeal')}
            </th>
          </tr>
          <tr>
            {difficulties.map((d) => (
              <th key={`q-${d}`} scope="col" className="sub">
                {t(`appeals.difficulties.${d}`)}
              </th>
            ))}
            {difficulties.map((d) => (
              <th key={`c-${d}`} scope="col" className="sub">
                {t(`appeals.difficulties.${d}`)}
              </th>
            ))}
            <th scope="col" className="sub">
              {t('appeals.passed.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <PassedTestRow key={row.test.attemptId} row={row} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PassedTestRow({ row, now }: { row: PassedRow; now: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { test } = row;
  const none = t('appeals.passed.none');
  const name = t('appeals.passed.name', {
    controlKind: t(`controlKind.${test.controlKind}`),
    discipline: test.discipline.name,
    number: test.number,
  });
  const num = (n: number) => formatNumber(n, language);
  return (
    <tr data-attempt-id={test.attemptId} data-status={test.status}>
      <th scope="row">
        <Link to={appealPaths.appeal(test.sittingId, test.attemptId)}>{name}</Link>
      </th>
      <td>
        {test.discipline.name}
        <span className="discipline-code">{test.discipline.code}</span>
      </td>
      <td className="nowrap">
        {test.finishedAt ? (
          <time dateTime={test.finishedAt}>
            {formatDay(test.finishedAt)}
            <span className="muted time-of-day">{formatTime(test.finishedAt, language)}</span>
          </time>
        ) : (
          none
        )}
      </td>
      {row.byDifficulty.map((d) => (
        <td key={`q-${d.difficulty}`} className="num" data-col={`questions-${d.difficulty}`}>
          {d.questions}
        </td>
      ))}
      {row.byDifficulty.map((d) => (
        <td key={`c-${d.difficulty}`} className="num" data-col={`correct-${d.difficulty}`}>
          {num(d.correct)}
        </td>
      ))}
      <td className="num" data-col="correct">
        {num(test.correct)}
      </td>
      <td className="num" data-col="after-appeal">
        {test.correctAfterAppeal === null ? none : num(test.correctAfterAppeal)}
      </td>
      <td className="grade">
        {test.grade ? (
          <>
            <span className="nowrap" data-col="percent">
              {num(test.grade.percent)} %
            </span>{' '}
            <strong data-col="letter">{test.grade.letter}</strong>
            <span className="muted traditional" data-col="traditional">
              {t(`appeals.traditionalGrades.${test.grade.traditional}`)}
            </span>
          </>
        ) : (
          none
        )}
      </td>
      <td data-col="appeal">
        <AppealAction cell={row.appeal} test={test} name={name} now={now} />
      </td>
    </tr>
  );
}

function AppealAction({
  cell,
  test,
  name,
  now,
}: {
  cell: AppealCell;
  test: PassedTest;
  name: string;
  now: number;
}) {
  const { t } = useTranslation();
  switch (cell.kind) {
    case 'open':
      return (
        <div className="appeal-action">
          <Link
            className="button-link"
            to={appealPaths.appeal(test.sittingId, test.attemptId)}
            aria-label={t('appeals.passed.fileAppealLabel', { test: name })}
          >
            {t('appeals.passed.fileAppeal')}
          </Link>
          {/* The server sends no clock here: the time left is on this computer's clock. */}
          <span className="muted nowrap" data-testid="appeal-time-left">
            {t('appeals.passed.timeLeft', { time: formatTimeLeft(Date.parse(cell.until) - now) })}
          </span>
        </div>
      );
    case 'filed':
      return <AppealStatusBadge status={cell.status} />;
    case 'not_counted':
      return <span className="muted">{t('appeals.passed.notCounted')}</span>;
    case 'none':
      return <span className="muted">{t('appeals.passed.none')}</span>;
  }
}
