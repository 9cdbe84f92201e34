import { errorMessage, isApiError, useAuth } from '@adal/shared/web';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The text of a failed action. A 409 means "not now" (pause a closed test, let a student leave
 * mid-test): the server's message says exactly why, and is shown as it is. Every other failure
 * gets the translated message of its code.
 */
export function actionErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.code === 'conflict' && error.message.trim()) return error.message;
  return errorMessage(t, error);
}

/** actionErrorText for a component; a 401 also takes the app back to the login form. */
export function useFailureText(): (error: unknown) => string {
  const { t } = useTranslation();
  const { sessionEnded } = useAuth();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.code === 'unauthenticated') sessionEnded();
      return actionErrorText(t, error);
    },
    [t, sessionEnded],
  );
}
