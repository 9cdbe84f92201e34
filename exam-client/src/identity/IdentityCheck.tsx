import { type AdalSocket, ErrorNotice, Loading } from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceCheckPolicies } from '../schedule/use-device-check-policies.js';
import { IdentityStatus } from './IdentityStatus.js';
import { IdentitySummary } from './IdentitySummary.js';
import { checkStatus, mayStart } from './identity-flow.js';
import { useIdentityCheck } from './use-identity-check.js';
import { WhatLeavesDevice } from './WhatLeavesDevice.js';
import './identity.css';

/** Loaded when the check starts: the face model and tesseract stay off the page until then. */
const FaceCapture = lazy(() => import('./face/index.js').then((m) => ({ default: m.FaceCapture })));
const DocumentCapture = lazy(() =>
  import('./document/DocumentCapture.js').then((m) => ({ default: m.DocumentCapture })),
);

/**
 * The identity check (exam-procedures "Identity and room" 1–2): face in the oval, document in
 * the rectangle, the face match, a summary to send, then the proctor's decision. It never
 * blocks the way on: without a check the proctor verifies identity over the video as before.
 */
export function IdentityCheck({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { t } = useTranslation();
  const check = useIdentityCheck(sittingId, socket);
  const challenges = useDeviceCheckPolicies(sittingId)?.livenessChallenges;
  const { flow, checks } = check;

  if (flow.stage === 'idle') {
    if (checks.state.status === 'loading') return <Loading />;
    const status = checkStatus(checks.state.status === 'ready' ? checks.state.data : []);
    return (
      <div className="identity-check" data-stage="idle" data-status={status.status}>
        {checks.state.status === 'error' && (
          <ErrorNotice error={checks.state.error} onRetry={checks.reload} />
        )}
        <IdentityStatus status={status} />
        {mayStart(status) && (
          <>
            {status.status === 'not_sent' && <p>{t('identityDocument.step.intro')}</p>}
            <WhatLeavesDevice />
            <div className="step-actions">
              <button type="button" className="button-secondary" onClick={check.start}>
                {status.status === 'not_sent'
                  ? t('identityDocument.step.start')
                  : t('identityDocument.step.startAgain')}
              </button>
            </div>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="identity-check" data-stage={flow.stage}>
      <Suspense fallback={<Loading />}>
        {/* FaceCapture brings its own heading; the step count stays as a line above it. */}
        {flow.stage === 'face' && (
          <>
            <p className="muted">{t('identityDocument.step.faceTitle')}</p>
            <FaceCapture onDone={check.faceDone} challenges={challenges} />
          </>
        )}
        {flow.stage === 'document' && (
          <>
            <h3>{t('identityDocument.step.documentTitle')}</h3>
            <DocumentCapture onDone={check.documentDone} />
          </>
        )}
      </Suspense>
      {flow.stage === 'matching' && <p role="status">{t('identityDocument.step.matching')}</p>}
      {(flow.stage === 'summary' || flow.stage === 'sending') && (
        <IdentitySummary
          flow={flow}
          onSend={check.send}
          onRetakeDocument={check.retakeDocument}
          onCancel={check.cancel}
        />
      )}
      {(flow.stage === 'face' || flow.stage === 'document') && (
        <div className="step-actions">
          <button type="button" className="button-secondary" onClick={check.cancel}>
            {t('identityDocument.step.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
