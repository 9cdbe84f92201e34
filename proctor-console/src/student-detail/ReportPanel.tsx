import { http, type LogVerification } from '@adal/shared';
import { urlFor, useAuth } from '@adal/shared/web';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './error-text.js';

interface ReportPanelProps {
  sittingId: string;
  studentId: string;
  fileStem: string;
  /** The check found a broken entry (or none): the list marks it. */
  onVerified: (result: LogVerification) => void;
}

/** Plain download links (the browser fetches the file with the session cookie). */
function reportLinks(sittingId: string, studentId: string) {
  const params = { sittingId, studentId };
  return [
    { format: 'pdf', href: urlFor(http.sessionReportFile, params, { format: 'pdf' }) },
    { format: 'csv', href: urlFor(http.sessionReportFile, params, { format: 'csv' }) },
    { format: 'json', href: urlFor(http.sessionReport, params) },
  ] as const;
}

/** The session report in three formats, and a check of the log's hash chain. */
export function ReportPanel({ sittingId, studentId, fileStem, onVerified }: ReportPanelProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { callApi } = useAuth();
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<LogVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = () => {
    setPending(true);
    setError(null);
    callApi('verifyStudentLog', { params: { sittingId, studentId } }).then(
      (checked) => {
        setPending(false);
        setResult(checked);
        onVerified(checked);
      },
      (caught: unknown) => {
        setPending(false);
        setError(failureText(caught));
      },
    );
  };

  return (
    <section className="card sd-report" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('studentDetail.report.title')}</h2>
      <p className="muted">{t('studentDetail.report.intro')}</p>
      <ul className="sd-report-links">
        {reportLinks(sittingId, studentId).map(({ format, href }) => (
          <li key={format}>
            <a className="button-link button-link-secondary" href={href} download={`${fileStem}.${format}`}>
              {t(`studentDetail.report.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      <div className="sd-verify">
        <button type="button" className="button-secondary" onClick={verify} disabled={pending}>
          {pending ? t('studentDetail.report.verifying') : t('studentDetail.report.verify')}
        </button>
        <div role="status" aria-live="polite" data-testid="log-verification" data-ok={result?.ok}>
          {result?.ok && (
            <p className="sd-verify-ok">{t('studentDetail.report.intact', { entries: result.entries })}</p>
          )}
          {result && !result.ok && (
            <p className="inline-error">
              {result.firstBroken
                ? t('studentDetail.report.broken', {
                    seq: result.firstBroken.seq,
                    reason: result.firstBroken.reason,
                  })
                : t('studentDetail.report.brokenUnknown')}
            </p>
          )}
        </div>
        {error !== null && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
