import type { DrawVerification, TicketDrawOverview, TicketDrawReveal } from '@adal/shared';
import { ErrorNotice, formatDateTime, Loading, type Resource, useAuth, useLanguage } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from '../student-detail/error-text.js';
import { Modal } from '../student-detail/Modal.js';
import '../student-detail/student-detail.css';
import { verifyReveal } from './draw-view.js';

interface RevealPanelProps {
  overview: TicketDrawOverview;
  reveal: Resource<TicketDrawReveal | null>;
  /** Students on the list who have not drawn yet. */
  waiting: number;
  canEnd: boolean;
  onRevealed: (reveal: TicketDrawReveal) => void;
}

/** Ends the draw (with a confirmation), then shows the published order and checks it. */
export function RevealPanel({ overview, reveal, waiting, canEnd, onRevealed }: RevealPanelProps) {
  const { t } = useTranslation();
  const ended = overview.revealedAt !== null;

  return (
    <section className="card draw-reveal" aria-labelledby="draw-reveal-title">
      <h2 id="draw-reveal-title">
        {ended ? t('sheetsConsole.draw.revealed.title') : t('sheetsConsole.draw.reveal.title')}
      </h2>
      {!ended && (
        <>
          <p className="muted">{t('sheetsConsole.draw.reveal.explain')}</p>
          {canEnd && <EndDraw sittingId={overview.sittingId} waiting={waiting} onRevealed={onRevealed} />}
        </>
      )}
      {ended && reveal.state.status === 'error' && (
        <ErrorNotice error={reveal.state.error} onRetry={reveal.reload} />
      )}
      {ended &&
        (reveal.state.status === 'loading' || (reveal.state.status === 'ready' && !reveal.state.data)) && (
          <Loading />
        )}
      {ended && reveal.state.status === 'ready' && reveal.state.data && (
        <PublishedOrder commitment={overview.commitment} reveal={reveal.state.data} />
      )}
    </section>
  );
}

function EndDraw({
  sittingId,
  waiting,
  onRevealed,
}: {
  sittingId: string;
  waiting: number;
  onRevealed: (reveal: TicketDrawReveal) => void;
}) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const failureText = useFailureText();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const end = () => {
    setPending(true);
    setFailure(null);
    callApi('revealTicketDraw', { params: { sittingId }, body: {} }).then(
      (published) => {
        setPending(false);
        setConfirming(false);
        onRevealed(published);
      },
      (caught: unknown) => {
        setPending(false);
        setFailure(failureText(caught));
      },
    );
  };

  return (
    <>
      <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
        {t('sheetsConsole.draw.reveal.button')}
      </button>
      {confirming && (
        <Modal
          title={t('sheetsConsole.draw.reveal.confirmTitle')}
          onClose={() => !pending && setConfirming(false)}
        >
          <div className="sd-dialog-form">
            <p>{t('sheetsConsole.draw.reveal.confirmBody')}</p>
            {waiting > 0 && (
              <p className="notice notice-error" data-testid="not-drawn-warning">
                {t('sheetsConsole.draw.reveal.confirmWaiting', { count: waiting })}
              </p>
            )}
            {failure !== null && (
              <p className="inline-error" role="alert">
                {t('sheetsConsole.draw.reveal.failed', { reason: failure })}
              </p>
            )}
            <div className="sd-dialog-buttons">
              <button type="button" className="button-danger" disabled={pending} onClick={end}>
                {pending ? t('sheetsConsole.draw.reveal.sending') : t('sheetsConsole.draw.reveal.confirm')}
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={pending}
                onClick={() => setConfirming(false)}
              >
                {t('sheetsConsole.draw.reveal.cancel')}
              </button>
            </div>
          </div>
        </Modal>
      )}
    </>
  );
}

type Check = { status: 'idle' } | { status: 'running' } | { status: 'done'; result: DrawVerification };

/** The order and the salt as published, and a check that runs here, not on the server. */
export function PublishedOrder({ commitment, reveal }: { commitment: string; reveal: TicketDrawReveal }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [check, setCheck] = useState<Check>({ status: 'idle' });

  const verify = () => {
    setCheck({ status: 'running' });
    verifyReveal(commitment, reveal).then(
      (result) => setCheck({ status: 'done', result }),
      (caught: unknown) =>
        setCheck({
          status: 'done',
          result: {
            ok: false,
            draws: reveal.draws.length,
            firstMismatch: { draw: null, reason: String(caught) },
          },
        }),
    );
  };

  return (
    <div className="draw-published" data-testid="published-order">
      <p>{t('sheetsConsole.draw.revealed.at', { time: formatDateTime(reveal.revealedAt, language) })}</p>
      <dl className="draw-published-facts">
        <div>
          <dt>{t('sheetsConsole.draw.revealed.salt')}</dt>
          <dd>
            <code className="draw-hash" data-testid="salt">
              {reveal.salt}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('sheetsConsole.draw.revealed.format')}</dt>
          <dd>
            <code>{reveal.format}</code>
          </dd>
        </div>
      </dl>
      <h3>{t('sheetsConsole.draw.revealed.order')}</h3>
      <ol className="draw-order" data-testid="order">
        {reveal.order.map((round, index) => (
          // Rounds are identified by their position.
          <li key={index}>
            <span className="draw-label">
              {t('sheetsConsole.draw.revealed.roundOrder', { round: index + 1 })}:
            </span>{' '}
            <code>{round.join(', ')}</code>
          </li>
        ))}
      </ol>
      <p className="muted" id="draw-verify-hint">
        {t('sheetsConsole.draw.revealed.verifyHint')}
      </p>
      <button
        type="button"
        className="button-primary"
        aria-describedby="draw-verify-hint"
        disabled={check.status === 'running'}
        onClick={verify}
      >
        {check.status === 'running'
          ? t('sheetsConsole.draw.revealed.verifying')
          : t('sheetsConsole.draw.revealed.verify')}
      </button>
      {check.status === 'done' && <VerifyOutcome result={check.result} />}
    </div>
  );
}

function VerifyOutcome({ result }: { result: DrawVerification }) {
  const { t } = useTranslation();
  const mismatch = result.firstMismatch;
  return (
    <div
      className={result.ok ? 'notice notice-info draw-verified' : 'notice notice-error draw-verified'}
      role="status"
      data-testid="verify-outcome"
      data-ok={result.ok}
    >
      {result.ok ? (
        <p>{t('sheetsConsole.draw.revealed.ok', { draws: result.draws })}</p>
      ) : (
        <>
          <p>
            {mismatch?.draw == null
              ? t('sheetsConsole.draw.revealed.failedPlan')
              : t('sheetsConsole.draw.revealed.failedDraw', { draw: mismatch.draw + 1 })}
          </p>
          {/* The check's own words (English): exact enough to report to the university. */}
          {mismatch && (
            <p className="muted">{t('sheetsConsole.draw.revealed.detail', { reason: mismatch.reason })}</p>
          )}
        </>
      )}
    </div>
  );
}
