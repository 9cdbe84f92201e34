import { type CommissionProtocol, type CommissionViewer, http, LANGUAGES } from '@adal/shared';
import {
  errorMessage,
  formatDateTime,
  isApiError,
  LANGUAGE_NAMES,
  urlFor,
  useAuth,
  useLanguage,
} from '@adal/shared/web';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  entersProtocol,
  isProtocolChanged,
  type ProtocolDraft,
  protocolDateText,
  protocolDraftOf,
  protocolProblems,
} from './commission-rows.js';

/**
 * The sitting's protocol: its number and date (entered by the chair or the technical secretary
 * until the grades are announced) and the PDF to download, in each of the three languages.
 */
export function ProtocolPanel({
  sittingId,
  viewer,
  protocol,
  onSaved,
}: {
  sittingId: string;
  viewer: CommissionViewer;
  protocol: CommissionProtocol | null;
  onSaved: (protocol: CommissionProtocol) => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { callApi, sessionEnded } = useAuth();
  const [draft, setDraft] = useState<ProtocolDraft | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  const form = draft ?? protocolDraftOf(protocol);
  const editable = entersProtocol(viewer, protocol);
  const problems = protocolProblems(form);
  const changed = isProtocolChanged(form, protocol);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0 || !changed) return;
    setPending(true);
    setError(null);
    setSaved(false);
    callApi('setCommissionProtocol', {
      params: { sittingId },
      body: { protocolNumber: form.protocolNumber.trim(), protocolDate: form.protocolDate },
    }).then(
      (next) => {
        setPending(false);
        setDraft(null);
        setSaved(true);
        setTouched(false);
        onSaved(next);
      },
      (caught: unknown) => {
        setPending(false);
        if (isApiError(caught) && caught.code === 'unauthenticated') sessionEnded();
        else setError(caught);
      },
    );
  };
  const show = (problem: 'number' | 'date') => touched && problems.includes(problem);

  return (
    <section className="card commission-protocol" aria-labelledby="commission-protocol-title">
      <h2 id="commission-protocol-title">{t('commission.protocol.title')}</h2>
      <p data-testid="protocol-current">
        {protocol
          ? t('commission.protocol.current', {
              number: protocol.protocolNumber,
              date: protocolDateText(protocol.protocolDate),
            })
          : t('commission.protocol.missing')}
      </p>
      {protocol?.announcedAt && (
        <p className="notice notice-info" data-testid="protocol-final">
          {t('commission.protocol.final', { time: formatDateTime(protocol.announcedAt, language) })}
        </p>
      )}
      {editable && (
        <form className="commission-protocol-form" onSubmit={submit} noValidate>
          <label>
            <span>{t('commission.protocol.number')}</span>
            <input
              type="text"
              name="protocolNumber"
              maxLength={40}
              value={form.protocolNumber}
              aria-invalid={show('number')}
              aria-describedby={show('number') ? 'protocol-number-problem' : undefined}
              onChange={(e) => {
                setDraft({ ...form, protocolNumber: e.target.value });
                setSaved(false);
              }}
            />
            {show('number') && (
              <span id="protocol-number-problem" className="inline-error">
                {t('commission.protocol.invalidNumber')}
              </span>
            )}
          </label>
          <label>
            <span>{t('commission.protocol.date')}</span>
            <input
              type="date"
              name="protocolDate"
              value={form.protocolDate}
              aria-invalid={show('date')}
              aria-describedby={show('date') ? 'protocol-date-problem' : undefined}
              onChange={(e) => {
                setDraft({ ...form, protocolDate: e.target.value });
                setSaved(false);
              }}
            />
            {show('date') && (
              <span id="protocol-date-problem" className="inline-error">
                {t('commission.protocol.invalidDate')}
              </span>
            )}
          </label>
          <button
            type="submit"
            className="button-secondary"
            disabled={pending || !changed}
            data-testid="protocol-save"
          >
            {pending ? t('commission.protocol.saving') : t('commission.protocol.save')}
          </button>
          <span role="status" className="commission-protocol-status">
            {saved && t('commission.protocol.saved')}
          </span>
          {error !== null && (
            <p className="inline-error" role="alert">
              {errorMessage(t, error)}
            </p>
          )}
        </form>
      )}
      {protocol && (
        <ul className="commission-downloads" aria-label={t('commission.protocol.download')}>
          {LANGUAGES.map((lang) => (
            <li key={lang}>
              <a
                className="button-link button-link-secondary"
                href={urlFor(http.commissionProtocolFile, { sittingId }, { lang })}
                download
                data-testid={`protocol-pdf-${lang}`}
              >
                {t('commission.protocol.downloadIn', { language: LANGUAGE_NAMES[lang] })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
