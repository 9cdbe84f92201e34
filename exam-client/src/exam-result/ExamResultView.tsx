import type { StudentExamResult } from '@adal/shared';
import { formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../computer-test/format.js';

/** The published grade on the credit scale (percent, letter, points, traditional) and the comment. */
export function ExamResultView({ result }: { result: StudentExamResult }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { grade } = result;
  if (!result.published || !grade)
    return (
      <p className="muted" role="status" data-testid="exam-result-waiting">
        {t('writtenExam.result.waiting')}
      </p>
    );
  const rows: [string, string][] = [
    [t('writtenExam.result.percent'), `${formatNumber(grade.percent, language)} %`],
    [t('writtenExam.result.letter'), grade.letter],
    [t('writtenExam.result.points'), formatNumber(grade.gpaPoints, language)],
    [t('writtenExam.result.traditional'), t(`test.result.traditionalGrades.${grade.traditional}`)],
  ];
  // State exams: the commission's protocol, as it goes to the transcript.
  if (result.protocolNumber && result.protocolDate)
    rows.push([
      t('writtenExam.result.protocol'),
      t('writtenExam.result.protocolValue', { number: result.protocolNumber, date: result.protocolDate }),
    ]);
  return (
    <div data-testid="exam-result-grade" data-letter={grade.letter} data-percent={grade.percent}>
      <dl className="exam-grade">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {result.comment && (
        <figure className="examiner-comment">
          <figcaption>{t('writtenExam.result.comment')}</figcaption>
          <blockquote data-testid="examiner-comment">{result.comment}</blockquote>
        </figure>
      )}
      {result.publishedAt && (
        <p className="muted">
          {t('writtenExam.result.publishedAt', { time: formatDateTime(result.publishedAt, language) })}
        </p>
      )}
    </div>
  );
}
