import type { DrawnTicket } from '@adal/shared';
import { ErrorNotice, isApiError, useAuth } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrawCheckResult } from './DrawCheckResult.js';
import { checkDraw, type DrawCheck } from './draw-check.js';

type CheckState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'not_yet' }
  | { step: 'done'; check: DrawCheck }
  | { step: 'failed'; error: unknown };

interface DrawCheckPanelProps {
  sittingId: string;
  /** The commitment this student was shown before drawing. */
  commitment: string;
  myTicket: DrawnTicket | null;
  revealed: boolean;
}

/**
 * "Check the draw": fetches the revealed order and salt and checks them in this browser
 * (`verifyDraw`), trusting nothing the server says about the result.
 */
export function DrawCheckPanel({ sittingId, commitment, myTicket, revealed }: DrawCheckPanelProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const [state, setState] = useState<CheckState>({ step: 'idle' });

  const run = async () => {
    setState({ step: 'checking' });
    try {
      const reveal = await callApi('ticketDrawReveal', { params: { sittingId } });
      setState({ step: 'done', check: await checkDraw(reveal, commitment, myTicket) });
    } catch (error) {
      // Before staff end the draw there is nothing to check yet.
      if (isApiError(error) && (error.code === 'not_found' || error.code === 'conflict'))
        setState({ step: 'not_yet' });
      else setState({ step: 'failed', error });
    }
  };

  return (
    <section className="draw-check" aria-labelledby="draw-check-title">
      <h3 id="draw-check-title">{t('writtenExam.check.title')}</h3>
      <p className="muted">{t('writtenExam.check.intro')}</p>
      <button
        type="button"
        className={revealed ? 'button-primary' : 'button-secondary'}
        onClick={run}
        disabled={state.step === 'checking'}
      >
        {state.step === 'checking' ? t('writtenExam.check.checking') : t('writtenExam.check.button')}
      </button>
      {state.step === 'not_yet' && (
        <p role="status" data-testid="draw-check" data-result="not_yet">
          {t('writtenExam.check.notYet')}
        </p>
      )}
      {state.step === 'done' && <DrawCheckResult check={state.check} />}
      {state.step === 'failed' && <ErrorNotice error={state.error} onRetry={run} />}
    </section>
  );
}
