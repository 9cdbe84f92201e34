import { isApiError, useAuth } from '@adal/shared/web';
import { useRef, useState } from 'react';

/**
 * A button that opens a <dialog> asking to confirm an action the server then carries out
 * (publish, announce, delete): the dialog stays open with the error if the call fails, closes
 * when it succeeds, and cannot be dismissed with Escape while the call is under way.
 */
export function useConfirmDialog<T>(run: () => Promise<T>, onDone: (result: T) => void) {
  const { sessionEnded } = useAuth();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = () => {
    setError(null);
    dialog.current?.showModal();
  };

  const confirm = () => {
    setPending(true);
    setError(null);
    run().then(
      (result) => {
        setPending(false);
        dialog.current?.close();
        onDone(result);
      },
      (caught: unknown) => {
        setPending(false);
        if (isApiError(caught) && caught.code === 'unauthenticated') sessionEnded();
        else setError(caught);
      },
    );
  };

  const close = () => dialog.current?.close();
  /** For the dialog's onCancel: Escape does nothing while the call is under way. */
  const onCancel = (event: { preventDefault(): void }) => {
    if (pending) event.preventDefault();
  };

  return { dialog, pending, error, open, confirm, close, onCancel };
}
