import type { TrustScore } from '@adal/shared';
import { LOCALES, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { formatScore, riskLevel } from './overview-rows.js';

/**
 * Risk and trust, with the sum behind them one click away: each metric's value (per cent of the
 * time or a count) times its weight gives its points, so nobody has to trust a bare number.
 */
export function TrustDetails({ trust }: { trust: TrustScore }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const locale = LOCALES[language];
  const n = (value: number) => formatScore(value, locale);

  return (
    <details className="trust-details">
      <summary>
        <span className="risk-chip" data-level={riskLevel(trust.risk)}>
          {t('proctoring.risk.summary', { risk: n(trust.risk), trust: n(trust.trust) })}
        </span>
      </summary>
      <div className="trust-breakdown">
        <p className="trust-breakdown-title">{t('proctoring.risk.breakdown')}</p>
        {trust.breakdown.length === 0 ? (
          <p className="muted">{t('proctoring.risk.nothing')}</p>
        ) : (
          <>
            <p className="muted">{t('proctoring.risk.legend')}</p>
            <dl>
              {trust.breakdown.map((line) => (
                <div key={line.metric} data-metric={line.metric}>
                  <dt>{t(`proctoring.metric.${line.metric}`)}</dt>
                  <dd>
                    {t('proctoring.risk.line', {
                      value:
                        line.kind === 'share'
                          ? t('proctoring.risk.share', { value: n(line.value) })
                          : t('proctoring.risk.count', { value: n(line.value) }),
                      weight: n(line.weight),
                      points: n(line.points),
                    })}
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <p className="muted">
          {t('proctoring.risk.observed', { minutes: Math.round(trust.observedMs / 60_000) })}
        </p>
      </div>
    </details>
  );
}
