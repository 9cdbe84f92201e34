import { useDocumentTitle } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExtensionCheck, extensionSatisfied } from '../extension/ExtensionCheck.js';
import type { ExtensionCheck as ExtensionCheckValue } from '../extension/use-extension.js';
import { useSchedule } from '../schedule/schedule-context.js';
import { useDeviceCheckPolicies } from '../schedule/use-device-check-policies.js';
import { useTestFlow } from './flow-context.js';
import { InfoNotices } from './InfoNotices.js';
import { testPaths } from './paths.js';
import { stepAfter } from './steps.js';

/**
 * Pre-check: the camera and microphone must reach the proctor (the device check below does the
 * work; the SFU's `media:sourceChanged` says when both are live), and where the sitting requires
 * it the proctoring extension must answer.
 */
export function ChecksStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sittingId, devicesReady, extension } = useTestFlow();
  const policies = useDeviceCheckPolicies(sittingId);
  // Until the schedule says whether the extension is required, the step does not let the student on.
  const policiesLoading = useSchedule().schedule.state.status === 'loading';
  useDocumentTitle(t('test.checks.title'));
  return (
    <ChecksStepView
      notices={<InfoNotices />}
      devicesReady={devicesReady}
      extension={extension}
      extensionRequired={policies?.extensionRequired ?? null}
      policiesLoading={policiesLoading}
      onNext={() => navigate(testPaths.step(sittingId, stepAfter('checks') ?? 'rules'))}
    />
  );
}

export interface ChecksStepViewProps {
  notices?: ReactNode;
  devicesReady: boolean;
  extension: ExtensionCheckValue;
  /** The sitting's policy; null when the schedule does not say. */
  extensionRequired: boolean | null;
  policiesLoading: boolean;
  onNext(): void;
}

export function ChecksStepView({
  notices,
  devicesReady,
  extension,
  extensionRequired,
  policiesLoading,
  onNext,
}: ChecksStepViewProps) {
  const { t } = useTranslation();
  const required = extensionRequired === true;
  const extensionReady = !policiesLoading && extensionSatisfied(required, extension.state);
  return (
    <section className="card test-step" aria-labelledby="checks-title">
      <h1 id="checks-title">{t('test.checks.title')}</h1>
      {notices}
      <p>{t('test.checks.intro')}</p>
      <p className={devicesReady ? 'notice notice-info' : 'muted'} role="status" data-ready={devicesReady}>
        {devicesReady ? t('test.checks.ready') : t('test.checks.waiting')}
      </p>
      <ExtensionCheck check={extension} required={required} />
      <div className="step-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!devicesReady || !extensionReady}
          onClick={onNext}
        >
          {t('test.checks.next')}
        </button>
        {required && !extensionReady && (
          <p className="muted" data-testid="extension-required">
            {t('extension.required')}
          </p>
        )}
      </div>
    </section>
  );
}
