import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './error-text.js';
import { Modal } from './Modal.js';

export interface TextDialogProps {
  title: string;
  /** What happens, in a sentence or two. */
  explain?: ReactNode;
  fieldLabel: string;
  /** Under the field: e.g. "at least 3 characters; the student sees it". */
  hint?: string;
  submitLabel: string;
  /** The least number of characters (after trimming) the field needs; 0 = optional. */
  minLength: number;
  /** The most characters the field takes (the contract's limit); 2000 unless set. */
  maxLength?: number;
  /** Ends something for good: the submit button is red. */
  destructive?: boolean;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
}

/** A small dialog with one text field (a reason, a note, a warning) and a submit button. */
export function TextDialog({
  title,
  explain,
  fieldLabel,
  hint,
  submitLabel,
  minLength,
  maxLength = 2000,
  destructive = false,
  onSubmit,
  onClose,
}: TextDialogProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const fieldId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tooShort = text.trim().length < minLength;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooShort) {
      setError(t('studentDetail.dialog.tooShort', { min: minLength }));
      return;
    }
    setPending(true);
    setError(null);
    onSubmit(text).then(
      () => {
        setPending(false);
        onClose();
      },
      (caught: unknown) => {
        setPending(false);
        setError(failureText(caught));
      },
    );
  };

  return (
    <Modal title={title} onClose={onClose}>
      <form className="sd-dialog-form" onSubmit={submit} noValidate>
        {explain && <p className="muted">{explain}</p>}
        <label htmlFor={fieldId}>{fieldLabel}</label>
        <textarea
          id={fieldId}
          value={text}
          rows={3}
          maxLength={maxLength}
          required={minLength > 0}
          aria-describedby={hint ? hintId : undefined}
          aria-invalid={error !== null && tooShort}
          onChange={(event) => setText(event.target.value)}
        />
        {hint && (
          <p id={hintId} className="sd-hint">
            {hint}
          </p>
        )}
        {error !== null && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="sd-dialog-buttons">
          <button
            type="submit"
            className={destructive ? 'button-danger' : 'button-primary'}
            disabled={pending}
          >
            {pending ? t('studentDetail.dialog.sending') : submitLabel}
          </button>
          <button type="button" className="button-secondary" onClick={onClose} disabled={pending}>
            {t('studentDetail.dialog.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
