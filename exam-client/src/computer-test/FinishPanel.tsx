import type { AttemptResult } from '@adal/shared';
import { ErrorNotice, isApiError, useAuth } from '@adal/shared/web';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface FinishPanelProps {
  attemptId: string;
  /** Answers not yet acknowledged: the server finishes only when every answer is stored. */
  pending: number;
  onBack(): void;
  onFinishing(): void;
  onFinished(result: AttemptResult): void;
  onRefused(): void;
}

/** The confirm step (seeds 000, 001): the tick, then "Finish test". */
export function FinishPanel({
  attemptId,
  pending,
  onBack,
  onFinishing,
  onFinished,
  onRefused,
}: FinishPanelProps) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const [ticked, setTicked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const finish = async () => {
    setBusy(true);
    setError(null);
    onFinishing();
    try {
      onFinished(
        await callApi('finishAttempt', { params: { attemptId }, body: { confirmAllAnswered: true } }),
      );
    } catch (cause) {
      setError(cause);
      setBusy(false);
      if (isApiError(cause) && cause.code === 'conflict') onRefused();
    }
  };

  return (
    <section className="card finish-panel" aria-labelledby="finish-title">
      <h2 id="finish-title" ref={heading} tabIndex={-1}>
        {t('test.finish.title')}
      </h2>
      <label className="tick">
        <input type="checkbox" checked={ticked} onChange={(event) => setTicked(event.target.checked)} />
        <span>{t('test.finish.confirm')}</span>
      </label>
      {pending > 0 && (
        <p className="muted" role="status">
          {t('test.finish.waiting')}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <div className="step-actions">
        <button type="button" className="button-secondary" onClick={onBack} disabled={busy}>
          {t('test.finish.back')}
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={!ticked || pending > 0 || busy}
          onClick={finish}
        >
          {busy ? t('test.finish.finishing') : t('test.finish.submit')}
        </button>
      </div>
    </section>
  );
}
