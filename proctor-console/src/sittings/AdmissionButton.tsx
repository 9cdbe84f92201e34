import type { RosterEntry } from '@adal/shared';
import { errorMessage, isApiError, useAuth } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Admit (red → green) or Revoke (green → red) one student; the server's answer updates the row. */
export function AdmissionButton({
  sittingId,
  student,
  onChanged,
}: {
  sittingId: string;
  student: RosterEntry;
  onChanged: (entry: RosterEntry) => void;
}) {
  const { t } = useTranslation();
  const { callApi, sessionEnded } = useAuth();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const admit = student.access === 'red';

  const onClick = () => {
    setPending(true);
    setError(null);
    callApi('setAdmission', {
      params: { sittingId },
      body: { studentId: student.studentId, access: admit ? 'green' : 'red' },
    }).then(
      (entry) => {
        setPending(false);
        onChanged(entry);
      },
      (caught: unknown) => {
        setPending(false);
        if (isApiError(caught) && caught.code === 'unauthenticated') sessionEnded();
        else setError(caught);
      },
    );
  };

  return (
    <div className="admission-action">
      <button
        type="button"
        className={admit ? 'button-primary' : 'button-danger'}
        onClick={onClick}
        disabled={pending}
        aria-label={t(admit ? 'console.admitLabel' : 'console.revokeLabel', { name: student.fullName })}
      >
        {admit ? t('console.admit') : t('console.revoke')}
      </button>
      {error !== null && (
        <span className="inline-error" role="alert">
          {errorMessage(t, error)}
        </span>
      )}
    </div>
  );
}
