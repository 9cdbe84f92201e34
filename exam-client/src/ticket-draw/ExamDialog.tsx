import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ExamDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Sending: both buttons disabled, so a double click cannot confirm twice. */
  busy?: boolean;
  busyLabel?: string;
  /** The confirm button waits for something (a camera picture), Cancel stays available. */
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

/**
 * A modal confirmation (the draw is final; finishing writing cannot be undone). A native <dialog>:
 * the browser keeps focus inside and Escape cancels; the parent's state says whether it is open.
 */
export function ExamDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy = false,
  busyLabel,
  confirmDisabled = false,
  onConfirm,
  onCancel,
  testId,
}: ExamDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="exam-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="exam-dialog-buttons">
        <button
          type="button"
          className="button-primary"
          onClick={onConfirm}
          disabled={busy || confirmDisabled}
        >
          {busy && busyLabel ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
