import type { ProctoringRow, StaffRef } from '@adal/shared';
import { errorMessage, useAuth } from '@adal/shared/web';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface HandOverSelectProps {
  sittingId: string;
  row: ProctoringRow;
  proctors: readonly StaffRef[];
  onHandedOver: (row: ProctoringRow) => void;
}

/** The student's proctor; choosing another one hands the student over at once. */
export function HandOverSelect({ sittingId, row, proctors, onHandedOver }: HandOverSelectProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const errorId = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = row.proctor?.id ?? '';
  // The assigned proctor stays listed even if they are no longer among the sitting's proctors.
  const options =
    row.proctor && !proctors.some((p) => p.id === row.proctor?.id) ? [row.proctor, ...proctors] : proctors;

  const handOver = async (proctorId: string) => {
    if (!proctorId || proctorId === current) return;
    setChoice(proctorId);
    setError(null);
    try {
      const updated = await callApi('handOver', {
        params: { sittingId, studentId: row.studentId },
        body: { proctorId },
      });
      onHandedOver(updated);
    } catch (failure: unknown) {
      setError(failure);
    } finally {
      setChoice(null);
    }
  };

  return (
    <div className="hand-over">
      <select
        aria-label={t('proctoring.handOver.label', { name: row.fullName })}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        value={choice ?? current}
        disabled={choice !== null}
        onChange={(event) => void handOver(event.target.value)}
      >
        {!row.proctor && (
          <option value="" disabled>
            {t('proctoring.unassigned')}
          </option>
        )}
        {options.map((proctor) => (
          <option key={proctor.id} value={proctor.id}>
            {proctor.fullName}
          </option>
        ))}
      </select>
      {choice !== null && (
        <span className="muted hand-over-status" role="status">
          {t('proctoring.handOver.saving')}
        </span>
      )}
      {error !== null && (
        <p id={errorId} className="form-error hand-over-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
