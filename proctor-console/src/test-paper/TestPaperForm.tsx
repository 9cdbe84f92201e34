import { type BankSummary, type BlueprintState, DIFFICULTIES, type Difficulty } from '@adal/shared';
import { errorMessage, isApiError, useAuth } from '@adal/shared/web';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  availableIn,
  checkDraft,
  draftFrom,
  type PaperDraft,
  type PaperErrors,
  type PaperProblem,
  paperSize,
  serverPaperErrors,
} from './test-paper.js';

interface TestPaperFormProps {
  sittingId: string;
  state: BlueprintState;
  /** The banks of the sitting's discipline; null while loading. */
  banks: BankSummary[] | null;
  onSaved: (state: BlueprintState) => void;
}

/** Bank, counts per difficulty with the bank's own counts as hints, shuffling; Save. */
export function TestPaperForm({ sittingId, state, banks, onSaved }: TestPaperFormProps) {
  const { t } = useTranslation();
  const { callApi, sessionEnded } = useAuth();
  const [draft, setDraft] = useState<PaperDraft>(() => draftFrom(state));
  const [errors, setErrors] = useState<PaperErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const available = availableIn(draft.bankId, state, banks);
  const size = paperSize(draft);
  const id = (field: string) => `paper-${sittingId}-${field}`;

  const change = (patch: Partial<PaperDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const problem = (field: keyof PaperErrors, difficulty?: Difficulty): string | null => {
    const p: PaperProblem | undefined = errors[field];
    if (!p) return null;
    if (p === 'tooFew') {
      const count = difficulty && available ? available[difficulty] : null;
      return count === null ? t('errors.validation_failed') : t('staff.testPaper.tooFew', { count });
    }
    return t(`staff.testPaper.${p}`);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setPending(true);
    callApi('setBlueprint', { params: { sittingId }, body: checked.body }).then(
      (next) => {
        setPending(false);
        setDraft(draftFrom(next));
        setSaved(true);
        onSaved(next);
      },
      (caught: unknown) => {
        setPending(false);
        if (isApiError(caught) && caught.code === 'unauthenticated') return sessionEnded();
        const fieldErrors = isApiError(caught) ? serverPaperErrors(caught, draft.bankId) : {};
        setErrors(fieldErrors);
        if (Object.keys(fieldErrors).length === 0) setFailure(caught);
      },
    );
  };

  const bankError = problem('bankId');
  const paperError = problem('paper');
  return (
    <form className="paper-form" onSubmit={onSubmit} noValidate>
      {!state.blueprint && <p className="notice notice-error">{t('staff.testPaper.notSet')}</p>}
      <div className="field">
        <label htmlFor={id('bank')}>{t('staff.testPaper.bank')}</label>
        {banks !== null && banks.length === 0 ? (
          <p className="muted" id={id('bank')}>
            {t('staff.testPaper.noBanks')} <Link to="/banks">{t('staff.nav.banks')}</Link>
          </p>
        ) : (
          <select
            id={id('bank')}
            value={draft.bankId}
            onChange={(e) => change({ bankId: e.target.value })}
            aria-invalid={bankError !== null}
            aria-describedby={bankError ? id('bank-error') : undefined}
          >
            <option value="">{t('staff.testPaper.chooseBank')}</option>
            {banks?.map((b) => (
              <option key={b.bankId} value={b.bankId}>
                {t('staff.testPaper.bankOption', { title: b.title, total: b.counts.total })}
              </option>
            ))}
            {/* The sitting's own bank, before the list has loaded. */}
            {banks === null && state.bankId && <option value={state.bankId}>…</option>}
          </select>
        )}
        {bankError && (
          <span className="inline-error" id={id('bank-error')} role="alert">
            {bankError}
          </span>
        )}
      </div>
      <div className="paper-counts">
        {DIFFICULTIES.map((d) => {
          const error = problem(d, d);
          return (
            <div className="field" key={d}>
              <label htmlFor={id(d)}>{t(`staff.difficulty.${d}`)}</label>
              <input
                id={id(d)}
                name={d}
                type="number"
                inputMode="numeric"
                min={0}
                max={500}
                step={1}
                value={draft[d]}
                onChange={(e) => change({ [d]: e.target.value })}
                aria-invalid={error !== null}
                aria-describedby={`${id(`${d}-available`)}${error ? ` ${id(`${d}-error`)}` : ''}`}
              />
              <span className="field-hint" id={id(`${d}-available`)}>
                {available ? t('staff.testPaper.available', { count: available[d] }) : '\u00a0'}
              </span>
              {error && (
                <span className="inline-error" id={id(`${d}-error`)} role="alert">
                  {error}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <div className="paper-options">
        <label>
          <input
            type="checkbox"
            checked={draft.shuffleQuestions}
            onChange={(e) => change({ shuffleQuestions: e.target.checked })}
          />{' '}
          {t('staff.testPaper.shuffleQuestions')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.shuffleOptions}
            onChange={(e) => change({ shuffleOptions: e.target.checked })}
          />{' '}
          {t('staff.testPaper.shuffleOptions')}
        </label>
      </div>
      {paperError && (
        <p className="inline-error" role="alert">
          {paperError}
        </p>
      )}
      {failure !== null && (
        <p className="inline-error" role="alert">
          {errorMessage(t, failure)}
        </p>
      )}
      <div className="paper-actions">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? t('staff.testPaper.saving') : t('staff.testPaper.save')}
        </button>
        {size !== null && <span className="muted">{t('staff.testPaper.perPaper', { count: size })}</span>}
        {saved && (
          <span className="paper-saved" role="status">
            {t('staff.testPaper.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
