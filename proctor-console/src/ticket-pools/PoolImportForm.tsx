import { TICKET_IMPORT_LIMITS } from '@adal/shared';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PoolImportOutcomeView, PoolImportProgress, PoolRefusedNotice } from './PoolImportOutcome.js';
import { ACCEPTED_FILES, type PoolField, poolFieldErrors, titleFromFileName } from './pool-import.js';
import { usePoolImport } from './use-pool-import.js';

/** A teacher's file becomes a pool of the chosen discipline: the file and a title (from its name). */
export function PoolImportForm({
  disciplineId,
  onImported,
  onShow,
}: {
  disciplineId: string;
  onImported: () => void;
  onShow: (poolId: string) => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [missing, setMissing] = useState<Set<PoolField>>(new Set());
  const { state, start, reset } = usePoolImport(onImported);
  const busy = state.status === 'running';
  const serverFields =
    state.status === 'done' && state.outcome.kind === 'failed'
      ? poolFieldErrors(state.outcome.error)
      : new Set<PoolField>();
  const invalid = (field: PoolField) => missing.has(field) || serverFields.has(field);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    reset();
    setMissing(new Set());
    if (chosen && (!titleEdited || !title.trim())) {
      setTitle(titleFromFileName(chosen.name));
      setTitleEdited(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const required = new Set<PoolField>();
    if (!file) required.add('file');
    if (!title.trim()) required.add('title');
    setMissing(required);
    if (required.size > 0 || !file) return;
    void start({ file, disciplineId, title: title.trim() });
  };

  const anotherFile = () => {
    reset();
    setFile(null);
    setTitle('');
    setTitleEdited(false);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const fieldError = (field: PoolField) =>
    invalid(field) ? (
      <span className="inline-error" id={`pool-${field}-error`} role="alert">
        {t(`ticketPools.import.fields.${field}`)}
      </span>
    ) : null;
  const described = (field: PoolField, hint?: string) =>
    [hint, invalid(field) ? `pool-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section className="card pool-import" aria-labelledby="pool-import-title">
      <h2 id="pool-import-title">{t('ticketPools.import.title')}</h2>
      <form className="import-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <fieldset disabled={busy}>
          <div className="field">
            <label htmlFor="pool-file">{t('ticketPools.import.file')}</label>
            <input
              ref={fileInput}
              id="pool-file"
              name="file"
              type="file"
              accept={ACCEPTED_FILES}
              onChange={onFile}
              aria-invalid={invalid('file')}
              aria-describedby={described('file', 'pool-file-hint')}
            />
            <span className="field-hint" id="pool-file-hint">
              {t('ticketPools.import.fileHint')}
            </span>
            {fieldError('file')}
          </div>
          <div className="field">
            <label htmlFor="pool-title-input">{t('ticketPools.import.poolTitle')}</label>
            <input
              id="pool-title-input"
              name="title"
              type="text"
              maxLength={TICKET_IMPORT_LIMITS.maxTitleChars}
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleEdited(true);
              }}
              aria-invalid={invalid('title')}
              aria-describedby={described('title')}
            />
            {fieldError('title')}
          </div>
          {serverFields.has('disciplineId') && fieldError('disciplineId')}
          <div className="import-actions">
            <button type="submit" className="button-primary">
              {t('ticketPools.import.submit')}
            </button>
          </div>
        </fieldset>
      </form>
      {state.status === 'running' && <PoolImportProgress progress={state.progress} />}
      {state.status === 'refused' && <PoolRefusedNotice problem={state.problem} />}
      {state.status === 'done' && (
        <PoolImportOutcomeView
          fileName={state.fileName}
          title={state.title}
          outcome={state.outcome}
          onAnother={anotherFile}
          onShow={onShow}
        />
      )}
    </section>
  );
}
