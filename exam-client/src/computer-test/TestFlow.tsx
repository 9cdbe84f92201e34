import { Loading } from '@adal/shared/web';
import type { Publisher } from '@adal/shared/web/media';
import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useMatch, useParams } from 'react-router';
import { LockdownBar } from '../extension/LockdownBar.js';
import { useLockdown } from '../extension/use-lockdown.js';
import { usePageFocusFlags } from '../page-focus/use-page-focus-flags.js';
import { ChecksStep } from './ChecksStep.js';
import { TestFlowProvider, useTestFlow } from './flow-context.js';
import { IdentityCheckStep } from './IdentityCheckStep.js';
import { InfoStep } from './InfoStep.js';
import { RulesStep } from './RulesStep.js';
import { StepList } from './StepList.js';
import { isTestStep, type TestStep } from './steps.js';
import './computer-test.css';

/** Loaded on demand: it brings mediasoup-client and the QR encoder. */
const DeviceCheck = lazy(() => import('../devices/DeviceCheck.js').then((m) => ({ default: m.DeviceCheck })));

/** One page per step before the test (steps.ts lists them in order). */
export const STEP_PAGES: Record<TestStep, ComponentType> = {
  checks: ChecksStep,
  identity: IdentityCheckStep,
  rules: RulesStep,
  info: InfoStep,
};

/**
 * The computer test from the pre-checks to the last answer. The device check stays mounted the
 * whole time, so the camera and microphone keep reaching the proctor (and the recording) through
 * every step and the test itself; after the pre-checks it folds away under a summary line.
 */
export function TestFlow() {
  const { sittingId = '' } = useParams();
  return (
    <TestFlowProvider key={sittingId} sittingId={sittingId}>
      <TestFlowLayout />
    </TestFlowProvider>
  );
}

function TestFlowLayout() {
  const { t } = useTranslation();
  const { sittingId, socket, devicesReady, info, extension } = useTestFlow();
  const { pathname } = useLocation();
  // On-device monitoring for the attempt's lifetime: the runner's page, until the result or an end.
  const running = useMatch('/sittings/:sittingId/test/attempts/:attemptId') !== null;
  const blocked =
    info.state.status === 'ready' &&
    (info.state.data.blockedBy === 'sitting_ended' || info.state.data.blockedBy === 'not_admitted');
  const last = pathname.split('/').filter(Boolean).at(-1);
  const step = isTestStep(last) ? last : null;
  const [devicesOpen, setDevicesOpen] = useState(true);
  const [publisher, setPublisher] = useState<Publisher | null>(null);
  // The extension locks this tab down for as long as the monitoring runs.
  const lockdown = useLockdown({
    sittingId,
    active: running && !blocked,
    connected: extension.state.status === 'connected',
    publisher,
  });
  usePageFocusFlags(sittingId, running && !blocked);
  useEffect(() => {
    setDevicesOpen(step === 'checks' || !devicesReady);
  }, [step, devicesReady]);

  return (
    <div className="computer-test" data-step={step ?? 'test'}>
      {step && <StepList current={step} />}
      {running && <LockdownBar lockdown={lockdown} />}
      <Outlet />
      <details
        className="test-devices"
        open={devicesOpen}
        onToggle={(event) => setDevicesOpen(event.currentTarget.open)}
        data-ready={devicesReady}
      >
        <summary>
          {t('test.checks.devices', { state: devicesReady ? t('test.checks.on') : t('test.checks.off') })}
        </summary>
        <Suspense fallback={<Loading />}>
          <DeviceCheck
            sittingId={sittingId}
            socket={socket}
            monitoring={running && !blocked}
            onPublisher={setPublisher}
          />
        </Suspense>
      </details>
    </div>
  );
}
