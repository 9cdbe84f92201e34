import { ErrorNotice, useAuth } from '@adal/shared/web';
import { phoneLinkUrl } from '@adal/shared/web/media';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A new code this long before the phone token expires, so a code on screen always works. */
const RENEW_BEFORE_MS = 5 * 60_000;

type QrState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; url: string; image: string };

/**
 * The QR code that opens the phone camera page. It carries a phone-only media token (the phone
 * has no login), drawn locally (no QR service), and renewed before the token expires.
 */
export function PhoneQr({ sittingId }: { sittingId: string }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const [state, setState] = useState<QrState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt; // "Show a new code" bumps it
    let cancelled = false;
    let renew: ReturnType<typeof setTimeout> | undefined;
    setState({ status: 'loading' });
    (async () => {
      const { token, sfuUrl, expiresAt } = await callApi('mediaToken', {
        params: { sittingId },
        body: { device: 'phone' },
      });
      const url = phoneLinkUrl(window.location.origin, { token, sittingId, sfuUrl });
      const image = await QRCode.toDataURL(url, { errorCorrectionLevel: 'L', margin: 2, width: 264 });
      if (cancelled) return;
      setState({ status: 'ready', url, image });
      const renewIn = Math.max(30_000, Date.parse(expiresAt) - Date.now() - RENEW_BEFORE_MS);
      renew = setTimeout(() => setAttempt((n) => n + 1), renewIn);
    })().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'error', error });
    });
    return () => {
      cancelled = true;
      clearTimeout(renew);
    };
  }, [callApi, sittingId, attempt]);

  return (
    <section className="phone-qr" aria-labelledby="phone-title">
      <h3 id="phone-title">{t('media.phone.title')}</h3>
      <div className="phone-qr-body">
        <div className="qr-box">
          {state.status === 'ready' ? (
            <img
              src={state.image}
              alt={t('media.phone.qrLabel')}
              width={232}
              height={232}
              data-testid="phone-qr"
            />
          ) : state.status === 'error' ? (
            <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
          ) : (
            <div className="qr-placeholder" aria-busy="true" />
          )}
        </div>
        <div>
          <p>{t('media.phone.intro')}</p>
          <p className="placement">{t('media.phone.placement')}</p>
          <p className="muted">{t('media.phone.statusElsewhere')}</p>
          {state.status === 'ready' && (
            <details>
              <summary>{t('media.phone.openLink')}</summary>
              <a
                className="phone-link"
                href={state.url}
                target="_blank"
                rel="noreferrer"
                data-testid="phone-link"
              >
                {state.url}
              </a>
            </details>
          )}
          <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('media.phone.newCode')}
          </button>
        </div>
      </div>
    </section>
  );
}
