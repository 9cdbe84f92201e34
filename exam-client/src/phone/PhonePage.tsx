import { useDocumentTitle } from '@adal/shared/web';
import {
  capturePhoneCamera,
  fixedTokenSource,
  type MediaErrorCode,
  mediaErrorCode,
  mediaErrorText,
  type PhoneLink,
  parsePhoneLink,
  TrackView,
  usePublisher,
} from '@adal/shared/web/media';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceStatusList } from '../devices/SourceStatusList.js';

/**
 * The phone as a second camera (`/phone?t=…&s=…&u=…`, opened from the QR code): no login, the
 * link's phone-only token is the credential. Publishes the rear camera as the `phone` source.
 */
export function PhonePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('media.phone.pageTitle'));
  const link = useMemo(() => parsePhoneLink(window.location.search), []);
  return (
    <section className="card phone-page" aria-labelledby="phone-page-title">
      <h1 id="phone-page-title">{t('media.phone.pageTitle')}</h1>
      {link ? (
        <PhoneCamera link={link} />
      ) : (
        <p className="form-error" role="alert">
          {t('media.phone.badLink')}
        </p>
      )}
    </section>
  );
}

function PhoneCamera({ link }: { link: PhoneLink }) {
  const { t } = useTranslation();
  const tokens = useMemo(() => fixedTokenSource({ token: link.token, sfuUrl: link.sfuUrl }), [link]);
  const { publisher, sources, status } = usePublisher(tokens);
  const [error, setError] = useState<MediaErrorCode | null>(null);
  const track = sources.phone?.track ?? null;
  useScreenWakeLock(track !== null);

  const start = async () => {
    if (!publisher) return;
    setError(null);
    try {
      publisher.publish('phone', await capturePhoneCamera());
    } catch (caught) {
      const code = mediaErrorCode(caught);
      setError(code);
      publisher.markMissing('phone', code);
    }
  };

  return (
    <>
      <p>{t('media.phone.pageIntro')}</p>
      <p className="placement">{t('media.phone.placement')}</p>
      <p className={`connection-state connection-${status.state}`} role="status" data-state={status.state}>
        {t(`media.connection.${status.state}`)}
        {status.state === 'failed' && status.error && ` ${mediaErrorText(t, status.error.code)}`}
      </p>
      <figure className="preview">
        <TrackView track={track} label={t('media.phone.preview')} testId="phone-preview" />
        <figcaption>{t('media.phone.preview')}</figcaption>
      </figure>
      {!track && (
        <button
          type="button"
          className="button-primary"
          onClick={start}
          disabled={!publisher || status.state === 'failed'}
        >
          {t('media.phone.start')}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {mediaErrorText(t, error)}
        </p>
      )}
      <SourceStatusList sources={sources} shown={['phone']} />
      <p className="muted">{t('media.phone.keepOpen')}</p>
    </>
  );
}

/** Keeps the phone's screen on while it films (where the browser supports it). */
function useScreenWakeLock(active: boolean) {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let released = false;
    navigator.wakeLock.request('screen').then(
      (sentinel) => {
        if (released) void sentinel.release();
        else lock = sentinel;
      },
      (error: unknown) => console.warn('phone: screen wake lock refused', error),
    );
    return () => {
      released = true;
      void lock?.release();
    };
  }, [active]);
}
