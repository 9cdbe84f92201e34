import {
  BANK_IMPORT_LIMITS,
  type BankFormat,
  DIFFICULTIES,
  type Difficulty,
  type DisciplineList,
} from '@adal/shared';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportOutcomeView, ImportProgressBar, RefusedNotice } from './ImportOutcomeView.js';
import {
  ACCEPTED_FILES,
  guessFormat,
  type ImportField,
  importFieldErrors,
  titleFromFileName,
} from './import-file.js';
import { useBankImport } from './use-bank-import.js';

const FORMATS: readonly BankFormat[] = ['gift', 'aiken', 'csv'];

/** The bank import: a file, its format (guessed from the name), the discipline, a title, defaults. */
export function ImportForm({
  disciplines,
  onImported,
}: {
  disciplines: DisciplineList;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<BankFormat | ''>('');
  const [formatGuessed, setFormatGuessed] = useState(true);
  const [disciplineId, setDisciplineId] = useState('');
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [defaultDifficulty, setDefaultDifficulty] = useState<Difficulty | ''>('');
  const [defaultTopic, setDefaultTopic] = useState('');
  const [missing, setMissing] = useState<Set<ImportField>>(new Set());
  const { state, start, reset } = useBankImport(onImported);
  const busy = state.status === 'running';
  const serverFields =
    state.status === 'done' && state.outcome.kind === 'failed'
      ? importFieldErrors(state.outcome.error)
      : new Set<ImportField>();

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    reset();
    setMissing(new Set());
    if (!chosen) return;
    const guess = guessFormat(chosen.name);
    setFormat(guess ?? '');
    setFormatGuessed(guess !== null);
    if (!titleEdited || !title.trim()) {
      setTitle(titleFromFileName(chosen.name));
      setTitleEdited(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const required = new Set<ImportField>();
    if (!file) required.add('file');
    if (!format) required.add('format');
    if (!disciplineId) required.add('disciplineId');
    if (!title.trim()) required.add('title');
    setMissing(required);
    if (required.size > 0 || !file || !format) return;
    const topic = defaultTopic.trim();
    void start({
      file,
      format,
      disciplineId,
      title: title.trim(),
      ...(defaultDifficulty ? { defaultDifficulty } : {}),
      ...(topic ? { defaultTopic: topic } : {}),
    });
  };

  const anotherFile = () => {
    reset();
    setFile(null);
    setFormat('');
    setFormatGuessed(true);
    setTitle('');
    setTitleEdited(false);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const fieldError = (field: ImportField) => {
    if (!missing.has(field) && !serverFields.has(field)) return null;
    const message =
      field === 'defaultTopic'
        ? t('staff.import.fields.defaultTopic', { count: BANK_IMPORT_LIMITS.maxTopicChars })
        : t(`staff.import.fields.${field}`);
    return (
      <span className="inline-error" id={`import-${field}-error`} role="alert">
        {message}
      </span>
    );
  };
  const described = (field: ImportField, hint?: string) =>
    [hint, missing.has(field) || serverFields.has(field) ? `import-${field}-error` : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = (field: ImportField) => missing.has(field) || serverFields.has(field);

  return (
    <section className="card bank-import" aria-labelledby="import-title">
      <div className="page-head">
        <h2 id="import-title">{t('staff.import.title')}</h2>
        <Link to="/banks/formats">{t('staff.import.help')}</Link>
      </div>
      <form className="import-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <fieldset disabled={busy}>
          <div className="field">
            <label htmlFor="import-file">{t('staff.import.file')}</label>
            <input
              ref={fileInput}
              id="import-file"
              name="file"
              type="file"
              accept={ACCEPTED_FILES}
              onChange={onFile}
              aria-invalid={invalid('file')}
              aria-describedby={described('file', 'import-file-hint')}
            />
            <span className="field-hint" id="import-file-hint">
              {t('staff.import.fileHint')}
            </span>
            {fieldError('file')}
          </div>
          <div className="field">
            <label htmlFor="import-format">{t('staff.import.format')}</label>
            <select
              id="import-format"
              name="format"
              value={format}
              onChange={(e) => setFormat(e.target.value as BankFormat | '')}
              aria-invalid={invalid('format')}
              aria-describedby={described('format', formatGuessed ? undefined : 'import-format-hint')}
            >
              <option value="">{t('staff.import.chooseFormat')}</option>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`staff.import.formats.${f}`)}
                </option>
              ))}
            </select>
            {!formatGuessed && !format && (
              <span className="field-hint field-ask" id="import-format-hint">
                {t('staff.import.formatNeeded')}
              </span>
            )}
            {fieldError('format')}
          </div>
          <div className="field">
            <label htmlFor="import-discipline">{t('staff.import.discipline')}</label>
            <select
              id="import-discipline"
              name="disciplineId"
              value={disciplineId}
              onChange={(e) => setDisciplineId(e.target.value)}
              aria-invalid={invalid('disciplineId')}
              aria-describedby={described('disciplineId')}
            >
              <option value="">{t('staff.import.chooseDiscipline')}</option>
              {disciplines.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.code} · {d.name}
                </option>
              ))}
            </select>
            {fieldError('disciplineId')}
          </div>
          <div className="field">
            <label htmlFor="import-title-input">{t('staff.import.bankTitle')}</label>
            <input
              id="import-title-input"
              name="title"
              type="text"
              maxLength={200}
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
          <fieldset className="import-defaults">
            <legend>
              {t('staff.import.defaults')} <span className="muted">({t('staff.import.optional')})</span>
            </legend>
            <div className="field">
              <label htmlFor="import-difficulty">{t('staff.import.defaultDifficulty')}</label>
              <select
                id="import-difficulty"
                name="defaultDifficulty"
                value={defaultDifficulty}
                onChange={(e) => setDefaultDifficulty(e.target.value as Difficulty | '')}
              >
                <option value="">{t('staff.import.noDefault')}</option>
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {t(`staff.difficulty.${d}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="import-topic">{t('staff.import.defaultTopic')}</label>
              <input
                id="import-topic"
                name="defaultTopic"
                type="text"
                maxLength={BANK_IMPORT_LIMITS.maxTopicChars}
                value={defaultTopic}
                onChange={(e) => setDefaultTopic(e.target.value)}
                aria-invalid={invalid('defaultTopic')}
                aria-describedby={described('defaultTopic')}
              />
              {fieldError('defaultTopic')}
            </div>
          </fieldset>
          <div className="import-actions">
            <button type="submit" className="button-primary">
              {t('staff.import.submit')}
            </button>
          </div>
        </fieldset>
      </form>
      {state.status === 'running' && <ImportProgressBar progress={state.progress} />}
      {state.status === 'refused' && <RefusedNotice problem={state.problem} />}
      {state.status === 'done' && (
        <ImportOutcomeView
          fileName={state.fileName}
          title={state.title}
          outcome={state.outcome}
          onAnother={anotherFile}
        />
      )}
    </section>
  );
}
