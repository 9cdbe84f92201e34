import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ReasonFormProps {
  label: string;
  confirm: string;
  busy: boolean;
  danger?: boolean;
  onConfirm(reason: string): Promise<boolean>;
  onCancel(): void;
}

/** Interrupt and Stop ask why: the reason goes into the student's Chat&log and the protocol. */
export function ReasonForm({ label, confirm, busy, danger, onConfirm, onCancel }: ReasonFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (text && (await onConfirm(text))) setReason('');
  };
  return (
    <form className="defence-reason" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={reason}
        maxLength={500}
        required
        // Opened by the secretary's click on Interrupt or Stop: they type the reason next.
        autoFocus
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="defence-buttons">
        <button
          type="submit"
          className={danger ? 'button-danger' : 'button-primary'}
          disabled={busy || !reason.trim()}
        >
          {confirm}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('thesisDefence.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
