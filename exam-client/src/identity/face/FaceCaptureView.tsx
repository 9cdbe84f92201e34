import { mediaErrorText } from '@adal/shared/web/media';
import type { TFunction } from 'i18next';
import { type Ref, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FaceOval, type OvalTone } from './FaceOval.js';
import { screenSide } from './face-frame.js';
import type { FaceCaptureViewState } from './use-face-check.js';
import './face-capture.css';

export function ovalTone(state: FaceCaptureViewState): OvalTone {
  switch (state.step) {
    case 'starting':
      return 'idle';
    case 'guiding':
      return state.hint === 'hold_still' || state.hint === 'ready' ? 'good' : 'adjust';
    case 'challenge':
      return 'challenge';
    case 'passed':
      return 'good';
    case 'failed':
    case 'unavailable':
      return 'bad';
    default:
      return state satisfies never;
  }
}

/** The live line under the oval: what to do now. */
function statusText(t: TFunction, state: FaceCaptureViewState): string {
  switch (state.step) {
    case 'starting':
      return t(`identityFace.starting.${state.stage}`);
    case 'guiding':
      return t(`identityFace.hints.${state.hint}`);
    case 'challenge': {
      const challenge = state.challenges[state.index] ?? 'blink';
      const prompt = t(`identityFace.prompts.${challenge === 'blink' ? 'blink' : screenSide(challenge)}`);
      const step = t('identityFace.step', { step: state.index + 1, total: state.challenges.length });
      // The first prompt also says the photo was just taken.
      return `${state.index === 0 ? `${t('identityFace.hints.ready')} ` : ''}${step}: ${prompt}`;
    }
    case 'passed':
      return t('identityFace.passed');
    case 'failed':
    case 'unavailable':
      return ''; // said by the alert below
    default:
      return state satisfies never;
  }
}

function problemText(t: TFunction, state: FaceCaptureViewState): string | null {
  if (state.step === 'failed') return t(`identityFace.failed.${state.reason}`);
  if (state.step !== 'unavailable') return null;
  if (state.problem === 'camera')
    return t('identityFace.unavailable.camera', { reason: mediaErrorText(t, state.code) });
  return t(`identityFace.unavailable.${state.problem}`, { reason: state.detail });
}

interface FaceCaptureViewProps {
  state: FaceCaptureViewState;
  videoRef?: Ref<HTMLVideoElement>;
  onRetry(): void;
}

/** The face check's screen: mirrored preview, the oval, the live hint, the countdown, "Try again". */
export function FaceCaptureView({ state, videoRef, onRetry }: FaceCaptureViewProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const retryButton = useRef<HTMLButtonElement>(null);
  const problem = problemText(t, state);
  const hasProblem = problem !== null;

  // Keyboard and screen-reader users land on the way forward when the check stops.
  useEffect(() => {
    if (hasProblem) retryButton.current?.focus();
  }, [hasProblem]);

  return (
    <section className="face-capture" aria-labelledby={titleId} data-step={state.step}>
      <h3 id={titleId}>{t('identityFace.title')}</h3>
      <p className="muted">{t('identityFace.intro')}</p>
      <div className="face-stage">
        <video
          ref={videoRef}
          className="face-video"
          autoPlay
          playsInline
          muted
          aria-label={t('identityFace.cameraLabel')}
        />
        <FaceOval tone={ovalTone(state)} />
        {state.step === 'challenge' && (
          <span className="face-countdown" role="timer" aria-live="off" data-testid="face-countdown">
            {t('identityFace.secondsLeft', { count: state.secondsLeft })}
          </span>
        )}
      </div>
      <p className="face-hint" role="status" aria-live="polite" data-testid="face-hint">
        {statusText(t, state)}
      </p>
      {hasProblem && (
        <div className="notice notice-error face-problem" role="alert">
          <p>
            {state.step === 'failed' && <strong>{t('identityFace.failedTitle')}. </strong>}
            {problem}
          </p>
          <button ref={retryButton} type="button" className="button-primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </section>
  );
}
