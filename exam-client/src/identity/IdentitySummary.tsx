import { useTranslation } from 'react-i18next';
import { useObjectUrl } from '../answer-sheets/use-object-url.js';
import { DocumentFields } from './document/DocumentFields.js';
import { FaceMatchLine } from './FaceMatchLine.js';
import type { IdentityFlow } from './identity-flow.js';
import { WhatLeavesDevice } from './WhatLeavesDevice.js';

type Ready = Extract<IdentityFlow, { stage: 'summary' | 'sending' }>;

interface IdentitySummaryProps {
  flow: Ready;
  onSend(): void;
  onRetakeDocument(): void;
  onCancel(): void;
}

/** Everything the check will send, shown before it is sent. */
export function IdentitySummary({ flow, onSend, onRetakeDocument, onCancel }: IdentitySummaryProps) {
  const { t } = useTranslation();
  const faceUrl = useObjectUrl(flow.face.photo);
  const documentUrl = useObjectUrl(flow.document.photo);
  const sending = flow.stage === 'sending';
  const { liveness } = flow.face;
  return (
    <div className="identity-summary">
      <h3>{t('identityDocument.step.summaryTitle')}</h3>
      <div className="identity-photos">
        {faceUrl && <img src={faceUrl} alt={t('identityDocument.step.faceTitle')} />}
        {documentUrl && <img src={documentUrl} alt={t('identityDocument.step.documentTitle')} />}
      </div>
      <p data-liveness={liveness.passed}>
        {t('identityDocument.step.liveness')}:{' '}
        {liveness.passed
          ? t('identityDocument.step.livenessPassed')
          : t('identityDocument.step.livenessFailed')}
      </p>
      <h4>{t('identityDocument.step.faceMatch')}</h4>
      <FaceMatchLine faceMatch={flow.faceMatch} />
      <DocumentFields reading={flow.document.reading} preview={null} />
      <WhatLeavesDevice />
      {flow.stage === 'summary' && flow.sendError && (
        <p className="form-error" role="alert">
          {/* The server allows ten checks per sitting: waiting will not help, the proctor must. */}
          {flow.sendError === 'rate_limited'
            ? t('identityDocument.step.tooManyChecks')
            : t('identityDocument.step.sendFailed', { reason: t(`errors.${flow.sendError}`) })}
        </p>
      )}
      <div className="step-actions">
        <button type="button" className="button-primary" disabled={sending} onClick={onSend}>
          {sending ? t('identityDocument.step.sending') : t('identityDocument.step.send')}
        </button>
        <button type="button" className="button-secondary" disabled={sending} onClick={onRetakeDocument}>
          {t('identityDocument.step.retakeDocument')}
        </button>
        <button type="button" className="button-secondary" disabled={sending} onClick={onCancel}>
          {t('identityDocument.step.cancel')}
        </button>
      </div>
    </div>
  );
}
