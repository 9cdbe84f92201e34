import type { ProctoringRow, StaffRef } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './error-text.js';

interface HandOverProps {
  sittingId: string;
  row: ProctoringRow;
  proctors: StaffRef[];
  onRow: (row: ProctoringRow) => void;
}

/** Passes the student to another proctor of the sitting (a break, a shift change, a second look). */
export function HandOver({ sittingId, row, proctors, onRow }: HandOverProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { callApi } = useAuth();
  const fieldId = useId();
  const others = proctors.filter((p) => p.id !== row.proctor?.id);
  const [proctorId, setProctorId] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = others.some((p) => p.id === proctorId) ? proctorId : '';

  if (others.length === 0) return <p className="muted sd-handover">{t('studentDetail.handOver.none')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setPending(true);
    setError(null);
    callApi('handOver', {
      params: { sittingId, studentId: row.studentId },
      body: { proctorId: chosen },
    }).then(
      (updated) => {
        setPending(false);
        setProctorId('');
        onRow(updated);
      },
      (caught: unknown) => {
        setPending(false);
        setError(failureText(caught));
      },
    );
  };

  return (
    <form className="sd-handover" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('studentDetail.handOver.field')}</label>
      <select id={fieldId} value={chosen} onChange={(event) => setProctorId(event.target.value)}>
        <option value="">{t('studentDetail.handOver.choose')}</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
          </option>
        ))}
      </select>
      <button type="submit" className="button-secondary" disabled={!chosen || pending}>
        {t('studentDetail.handOver.submit')}
      </button>
      {error !== null && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
