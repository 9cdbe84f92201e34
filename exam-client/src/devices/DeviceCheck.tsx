import { type AdalSocket, useAuth, useServerEvent } from '@adal/shared/web';
import {
  apiTokenSource,
  captureCameraAndMicrophone,
  captureEntireScreen,
  type MediaErrorCode,
  mediaErrorCode,
  mediaErrorText,
  type OwnProducers,
  type Publisher,
  type PublishSnapshot,
  type PublishStatus,
  TrackView,
  usePublisher,
} from '@adal/shared/web/media';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonitoringNote } from '../monitoring/MonitoringNote.js';
import { useMonitoring } from '../monitoring/use-monitoring.js';
import { useDeviceCheckPolicies } from '../schedule/use-device-check-policies.js';
import { PhoneQr } from './PhoneQr.js';
import { SourceStatusList } from './SourceStatusList.js';

const COMPUTER_SOURCES = ['webcam', 'microphone', 'screen'] as const;
const ALL_SOURCES = [...COMPUTER_SOURCES, 'phone'] as const;

/**
 * The device check before the exam (exam-procedures "Device check"): camera and microphone, the
 * entire screen, and the phone as a second camera. Each is published to the SFU as soon as it is
 * captured and stays published while the page is open. While `monitoring` is true (admitted, the
 * exam running) the same camera and microphone are also checked on the device (issue 7).
 */
export function DeviceCheck({
  sittingId,
  socket,
  monitoring,
  onPublisher,
}: {
  sittingId: string;
  socket: AdalSocket | null;
  /** Undefined: no monitoring on this page (and no note about it). */
  monitoring?: boolean;
  /** The publisher, for what else this page sends (the exam tab the extension captures). */
  onPublisher?: (publisher: Publisher | null) => void;
}) {
  const { t } = useTranslation();
  const { callApi, user } = useAuth();
  const tokens = useMemo(() => apiTokenSource(callApi, sittingId), [callApi, sittingId]);
  const { publisher, sources, status } = usePublisher(tokens);
  const [busy, setBusy] = useState<'camera' | 'screen' | null>(null);
  const [screenError, setScreenError] = useState<MediaErrorCode | null>(null);
  const phone = usePhoneStatus(socket, publisher, sittingId, user?.id);
  useEffect(() => {
    onPublisher?.(publisher);
    return () => onPublisher?.(null);
  }, [onPublisher, publisher]);

  const startCamera = async () => {
    if (!publisher) return;
    setBusy('camera');
    const capture = await captureCameraAndMicrophone();
    if (capture.webcam) publisher.publish('webcam', capture.webcam);
    else publisher.markMissing('webcam', capture.errors.webcam ?? null);
    if (capture.microphone) publisher.publish('microphone', capture.microphone);
    else publisher.markMissing('microphone', capture.errors.microphone ?? null);
    setBusy(null);
  };

  const shareScreen = async () => {
    if (!publisher) return;
    setBusy('screen');
    setScreenError(null);
    try {
      publisher.publish('screen', await captureEntireScreen(), { displaySurface: 'monitor' });
    } catch (error) {
      const code = mediaErrorCode(error);
      setScreenError(code);
      publisher.markMissing('screen', code);
    }
    setBusy(null);
  };

  const webcam = sources.webcam?.track ?? null;
  const screen = sources.screen?.track ?? null;
  const cameraOn = Boolean(webcam || sources.microphone?.track);
  const allOn = COMPUTER_SOURCES.every((s) => sources[s]?.status === 'publishing');
  const policy = useDeviceCheckPolicies(sittingId);
  useMonitoring({
    sittingId,
    webcam,
    microphone: sources.microphone?.track ?? null,
    active: monitoring === true,
    policy,
  });

  return (
    <section className="card device-check" aria-labelledby="devices-title">
      <div className="page-head">
        <h2 id="devices-title">{t('media.devices.title')}</h2>
        <span
          className={`connection-state connection-${status.state}`}
          role="status"
          data-state={status.state}
        >
          {t(`media.connection.${status.state}`)}
          {status.state === 'failed' && status.error && ` ${mediaErrorText(t, status.error.code)}`}
        </span>
      </div>
      <p className="muted">{t('media.devices.intro')}</p>
      <div className="device-grid">
        <figure className="preview">
          <TrackView
            track={webcam}
            label={t('media.devices.cameraPreview')}
            mirrored
            testId="camera-preview"
          />
          <figcaption>{t('media.devices.cameraPreview')}</figcaption>
          <button
            type="button"
            className={cameraOn ? 'button-secondary' : 'button-primary'}
            onClick={startCamera}
            disabled={!publisher || busy !== null || Boolean(webcam && sources.microphone?.track)}
          >
            {cameraOn ? t('media.devices.restartCamera') : t('media.devices.startCamera')}
          </button>
        </figure>
        <figure className="preview">
          <TrackView track={screen} label={t('media.devices.screenPreview')} testId="screen-preview" />
          <figcaption>{t('media.devices.screenPreview')}</figcaption>
          <button
            type="button"
            className={screen ? 'button-secondary' : 'button-primary'}
            onClick={shareScreen}
            disabled={!publisher || busy !== null || Boolean(screen)}
          >
            {sources.screen ? t('media.devices.shareAgain') : t('media.devices.shareScreen')}
          </button>
          <p className="hint">{t('media.devices.screenHint')}</p>
          {screenError && (
            <p className="form-error" role="alert" data-testid="screen-error">
              {mediaErrorText(t, screenError)}
            </p>
          )}
        </figure>
      </div>
      <h3>{t('media.devices.statusTitle')}</h3>
      <SourceStatusList sources={{ ...sources, phone }} shown={ALL_SOURCES} />
      {allOn && <p className="notice notice-info">{t('media.devices.ready')}</p>}
      {monitoring !== undefined && <MonitoringNote />}
      <PhoneQr sittingId={sittingId} />
    </section>
  );
}

/**
 * The phone is another device. When this page connects, the SFU says whether the phone camera is
 * already live (it may have started first); afterwards the server tells this page when it goes
 * live or stops (`media:sourceChanged`, relayed from the SFU).
 */
function usePhoneStatus(
  socket: AdalSocket | null,
  publisher: Publisher | null,
  sittingId: string,
  studentId: string | undefined,
): NonNullable<PublishSnapshot['phone']> {
  const [status, setStatus] = useState<PublishStatus>('missing');
  const lastEventAt = useRef(0);
  useServerEvent(socket, 'media:sourceChanged', (event) => {
    if (event.sittingId !== sittingId || event.studentId !== studentId || event.source !== 'phone') return;
    lastEventAt.current = Date.now();
    setStatus(event.state === 'live' ? 'publishing' : 'missing');
  });
  useEffect(() => {
    if (!publisher) return;
    const apply = ({ producers, askedAt }: OwnProducers) => {
      // An event that came after the list was asked for is newer than the list.
      if (lastEventAt.current > askedAt) return;
      setStatus(producers.some((p) => p.source === 'phone') ? 'publishing' : 'missing');
    };
    if (publisher.ownProducers) apply(publisher.ownProducers);
    return publisher.on('ownProducers', apply);
  }, [publisher]);
  return { status, error: null, track: null };
}
