import type { DocumentReading } from '@adal/shared';
import type { RosterMatchReason } from '@adal/shared/identity';
import { useTranslation } from 'react-i18next';

const FIELDS = ['surname', 'givenNames', 'iin', 'documentNumber', 'birthDate', 'expiryDate'] as const;
const DATES = new Set<string>(['birthDate', 'expiryDate']);

/** As the document prints it: dd.mm.yyyy. */
const documentDate = (iso: string) => iso.split('-').reverse().join('.');

/** Warnings in the preview: what the proctor will look at closely. */
const BAD_REASONS = new Set<RosterMatchReason>(['iin_differs', 'name_differs', 'document_expired']);

interface DocumentFieldsProps {
  reading: DocumentReading;
  /** The device's preview against the student's own name (null: the name is not known here). */
  preview: RosterMatchReason[] | null;
}

/** What the device read from the document, and how it compares with the student's name. */
export function DocumentFields({ reading, preview }: DocumentFieldsProps) {
  const { t } = useTranslation();
  const value = (field: (typeof FIELDS)[number]) => {
    const v = reading[field];
    if (v === null) return <span className="muted">{t('identityDocument.document.unread')}</span>;
    return DATES.has(field) ? documentDate(v) : v;
  };
  return (
    <div className="document-fields" data-source={reading.source}>
      <h3>{t('identityDocument.document.fieldsTitle')}</h3>
      <p className="muted">
        {t(`identityDocument.document.source.${reading.source}`, { format: reading.format })}
      </p>
      {reading.source === 'mrz' && (
        <p data-valid={reading.checkDigitsValid} className={reading.checkDigitsValid ? '' : 'form-error'}>
          {reading.checkDigitsValid
            ? t('identityDocument.document.checkDigits.valid')
            : t('identityDocument.document.checkDigits.invalid', {
                fields: reading.invalidFields.join(', '),
              })}
        </p>
      )}
      {reading.source !== 'none' && (
        <dl className="facts">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt>{t(`identityDocument.document.fields.${field}`)}</dt>
              <dd data-field={field}>{value(field)}</dd>
            </div>
          ))}
        </dl>
      )}
      {reading.ocrConfidence !== null && (
        <p className="muted">{t('identityDocument.document.confidence', { value: reading.ocrConfidence })}</p>
      )}
      {preview && reading.source !== 'none' && (
        <>
          <h3>{t('identityDocument.document.previewTitle')}</h3>
          <ul className="roster-preview">
            {preview.map((reason) => (
              <li
                key={reason}
                data-reason={reason}
                className={BAD_REASONS.has(reason) ? 'form-error' : undefined}
              >
                {t(`identityDocument.document.reasons.${reason}`)}
              </li>
            ))}
          </ul>
          <p className="muted">{t('identityDocument.document.previewNote')}</p>
        </>
      )}
    </div>
  );
}
