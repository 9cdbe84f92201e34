import { DIFFICULTIES, type ImportBankResult, QuestionKind } from '@adal/shared';
import { ErrorNotice, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import {
  type ImportOutcome,
  type ImportProgress,
  LIMIT_MEGABYTES,
  progressPercent,
  type RejectedLine,
  type TextProblem,
} from './import-file.js';

/** Reading, then uploading (each with its percent), then the server's check (no percent to give). */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const percent = progressPercent(progress);
  const label =
    progress.phase === 'checking'
      ? t('staff.import.checking')
      : t(`staff.import.${progress.phase}`, { percent: percent ?? 0 });
  return (
    <div className="import-progress" data-phase={progress.phase}>
      <progress
        max={100}
        value={percent ?? undefined}
        aria-label={t('staff.import.progressLabel')}
        aria-valuetext={label}
      />
      <span role="status">{label}</span>
    </div>
  );
}

export function RefusedNotice({ problem }: { problem: TextProblem | 'readFailed' }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice-error" role="alert">
      {problem === 'tooLarge'
        ? t('staff.import.tooLarge', { megabytes: LIMIT_MEGABYTES })
        : t(`staff.import.${problem}`)}
    </p>
  );
}

function ImportedNotice({ title, result }: { title: string; result: ImportBankResult }) {
  const { t } = useTranslation();
  const kinds = QuestionKind.options.filter((k) => result.byKind[k] > 0);
  return (
    <div className="notice notice-success import-done" role="status" data-testid="import-done">
      <p className="import-done-title">{t('staff.import.done', { title, total: result.counts.total })}</p>
      <div className="import-counts">
        <dl className="facts" aria-label={t('staff.import.byDifficulty')}>
          {DIFFICULTIES.map((d) => (
            <div key={d}>
              <dt>{t(`staff.difficulty.${d}`)}</dt>
              <dd data-testid={`imported-${d}`}>{result.counts[d]}</dd>
            </div>
          ))}
        </dl>
        <dl className="facts" aria-label={t('staff.import.byKind')}>
          {kinds.map((k) => (
            <div key={k}>
              <dt>{t(`staff.kinds.${k}`)}</dt>
              <dd data-testid={`imported-${k}`}>{result.byKind[k]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}

/** Nothing was imported: each bad line of the file with the importer's reasons. */
function RejectedNotice({
  fileName,
  lines,
  truncated,
}: {
  fileName: string;
  lines: RejectedLine[];
  truncated: boolean;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="notice notice-error import-rejected" role="alert" data-testid="import-rejected">
      <h3>{t('staff.import.rejectedTitle')}</h3>
      <p>{t('staff.import.rejectedIntro', { file: fileName })}</p>
      {language !== 'en' && <p className="import-note">{t('staff.import.reasonsInEnglish')}</p>}
      <ol className="import-errors">
        {lines.map(({ line, messages }) => (
          <li key={line} data-line={line}>
            <span className="import-line">{t('staff.import.line', { line })}</span>
            <ul>
              {/* The importer writes its reasons in English (they carry no codes to translate). */}
              {messages.map((message, i) => (
                <li key={`${line}-${i}`} lang="en">
                  {message}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {truncated && (
        <p className="import-note" data-testid="import-truncated">
          {t('staff.import.truncated')}
        </p>
      )}
    </div>
  );
}

export function ImportOutcomeView({
  fileName,
  title,
  outcome,
  onAnother,
}: {
  fileName: string;
  title: string;
  outcome: ImportOutcome;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-outcome">
      {outcome.kind === 'imported' && <ImportedNotice title={title} result={outcome.result} />}
      {outcome.kind === 'rejected' && (
        <RejectedNotice fileName={fileName} lines={outcome.lines} truncated={outcome.truncated} />
      )}
      {outcome.kind === 'failed' && <ErrorNotice error={outcome.error} />}
      {outcome.kind === 'imported' && (
        <button type="button" className="button-secondary" onClick={onAnother}>
          {t('staff.import.another')}
        </button>
      )}
    </div>
  );
}
