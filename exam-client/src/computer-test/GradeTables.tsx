import type { AttemptResult } from '@adal/shared';
import { DIFFICULTIES } from '@adal/shared';
import { useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.js';

/** Final grades (seed 002): the journal's marks, the admission rating, this exam, the final grade. */
export function FinalGradesTable({ grades }: { grades: AttemptResult['finalGrades'] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const mark = (value: number | null) =>
    value === null ? t('test.result.empty') : formatNumber(value, language);
  const columns: [string, string][] = [
    [t('test.result.currentAverage'), mark(grades.currentAverage)],
    [t('test.result.midterm1'), mark(grades.midterm1)],
    [t('test.result.midterm2'), mark(grades.midterm2)],
    [t('test.result.rating'), mark(grades.rating)],
    [t('test.result.exam'), mark(grades.exam)],
    [
      t('test.result.final'),
      grades.final
        ? `${formatNumber(grades.final.percent, language)} (${grades.final.letter})`
        : t('test.result.empty'),
    ],
  ];
  return (
    <section aria-labelledby="final-grades-title">
      <h2 id="final-grades-title">{t('test.result.finalGrades')}</h2>
      <div className="table-wrap">
        <table className="final-grades">
          <thead>
            <tr>
              {columns.map(([label]) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {columns.map(([label, value]) => (
                <td key={label}>{value}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Test results (seed 002): questions and correct answers per difficulty, and the test grade. */
export function DifficultyTable({ result }: { result: AttemptResult }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows = DIFFICULTIES.map(
    (difficulty) =>
      result.byDifficulty.find((r) => r.difficulty === difficulty) ?? {
        difficulty,
        questions: 0,
        correct: 0,
      },
  );
  return (
    <section aria-labelledby="by-difficulty-title">
      <h2 id="by-difficulty-title">{t('test.result.byDifficulty')}</h2>
      <div className="table-wrap">
        <table className="by-difficulty">
          <thead>
            <tr>
              <th scope="col">{t('test.result.difficulty')}</th>
              <th scope="col">{t('test.result.questions')}</th>
              <th scope="col">{t('test.result.correct')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.difficulty} data-difficulty={row.difficulty}>
                <th scope="row">{t(`test.result.difficulties.${row.difficulty}`)}</th>
                <td>{row.questions}</td>
                <td>{formatNumber(row.correct, language)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-difficulty="total">
              <th scope="row">{t('test.result.total')}</th>
              <td>{result.questions}</td>
              <td>{formatNumber(result.correct, language)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The test grade on the scale: percent, letter, GPA points, traditional grade in words. */
export function TestGrade({ grade }: { grade: NonNullable<AttemptResult['grade']> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows: [string, string][] = [
    [t('test.result.percent'), `${formatNumber(grade.percent, language)} %`],
    [t('test.result.letter'), grade.letter],
    [t('test.result.gpaPoints'), formatNumber(grade.gpaPoints, language)],
    [t('test.result.traditional'), t(`test.result.traditionalGrades.${grade.traditional}`)],
  ];
  return (
    <section aria-labelledby="test-grade-title">
      <h2 id="test-grade-title">{t('test.result.testGrade')}</h2>
      <dl className="test-info test-grade" data-letter={grade.letter}>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
