import type { ImportTicketPoolResult } from '@adal/shared';
import { ErrorNotice, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { type ImportProgress, progressPercent, type RejectedLine } from '../banks/import-file.js';
import { type FileProblem, LIMIT_MEGABYTES, type PoolImportOutcome, questionsRange } from './pool-import.js';

/** Reading, then uploading (each with its percent), then the server's check (no percent to give). */
export function PoolImportProgress({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const percent = progressPercent(progress);
  const label =
    progress.phase === 'checking'
      ? t('ticketPools.import.checking')
      : t(`ticketPools.import.${progress.phase}`, { percent: percent ?? 0 });
  return (
    <div className="import-progress" data-phase={progress.phase} data-testid="pool-import-progress">
      <progress
        max={100}
        value={percent ?? undefined}
        aria-label={t('ticketPools.import.progressLabel')}
        aria-valuetext={label}
      />
      <span role="status">{label}</span>
    </div>
  );
}

export function PoolRefusedNotice({ problem }: { problem: FileProblem | 'readFailed' }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice-error" role="alert">
      {problem === 'tooLarge'
        ? t('ticketPools.import.tooLarge', { megabytes: LIMIT_MEGABYTES })
        : t(`ticketPools.import.${problem}`)}
    </p>
  );
}

function ImportedNotice({
  title,
  result,
  onShow,
}: {
  title: string;
  result: ImportTicketPoolResult;
  onShow: (poolId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-success import-done" role="status" data-testid="pool-imported">
      <p className="import-done-title">{t('ticketPools.import.done', { title })}</p>
      <dl className="facts import-counts">
        <div>
          <dt>{t('ticketPools.import.tickets')}</dt>
          <dd data-testid="imported-tickets">{result.counts.tickets}</dd>
        </div>
        <div>
          <dt>{t('ticketPools.import.questionsPerTicket')}</dt>
          <dd data-testid="imported-questions">{questionsRange(result.counts.questions)}</dd>
        </div>
        <div>
          <dt>{t('ticketPools.import.readAs')}</dt>
          <dd data-testid="imported-read-as">
            {t('ticketPools.import.readAsValue', {
              format: t(`ticketPools.import.formats.${result.format}`),
              encoding: t(`ticketPools.import.encodings.${result.encoding}`),
            })}
          </dd>
        </div>
      </dl>
      <button type="button" className="button-secondary" onClick={() => onShow(result.poolId)}>
        {t('ticketPools.import.showTickets')}
      </button>
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
    <div className="notice notice-error import-rejected" role="alert" data-testid="pool-rejected">
      <h3>{t('ticketPools.import.rejectedTitle')}</h3>
      <p>{t('ticketPools.import.rejectedIntro', { file: fileName })}</p>
      {language !== 'en' && <p className="import-note">{t('ticketPools.import.reasonsInEnglish')}</p>}
      <ol className="import-errors">
        {lines.map(({ line, messages }) => (
          <li key={line} data-line={line}>
            <span className="import-line">{t('ticketPools.import.line', { line })}</span>
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
        <p className="import-note" data-testid="pool-rejected-truncated">
          {t('ticketPools.import.truncated')}
        </p>
      )}
    </div>
  );
}

export function PoolImportOutcomeView({
  fileName,
  title,
  outcome,
  onAnother,
  onShow,
}: {
  fileName: string;
  title: string;
  outcome: PoolImportOutcome;
  onAnother: () => void;
  onShow: (poolId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-outcome">
      {outcome.kind === 'imported' && (
        <ImportedNotice title={title} result={outcome.result} onShow={onShow} />
      )}
      {outcome.kind === 'rejected' && (
        <RejectedNotice fileName={fileName} lines={outcome.lines} truncated={outcome.truncated} />
      )}
      {outcome.kind === 'failed' && <ErrorNotice error={outcome.error} />}
      {outcome.kind === 'imported' && (
        <button type="button" className="button-secondary" onClick={onAnother}>
          {t('ticketPools.import.another')}
        </button>
      )}
    </div>
  );
}
