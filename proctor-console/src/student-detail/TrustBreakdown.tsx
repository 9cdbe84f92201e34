import type { TrustScore } from '@adal/shared';
import { LOCALES, useLanguage } from '@adal/shared/web';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The trust score and what it is made of: each metric, its value, its weight and its points. */
export function TrustBreakdown({ score }: { score: TrustScore }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const titleId = useId();
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
  const level = score.risk >= 50 ? 'high' : score.risk >= 20 ? 'medium' : 'low';

  return (
    <section className="card sd-trust" aria-labelledby={titleId} data-risk-level={level}>
      <h2 id={titleId}>{t('studentDetail.trust.title')}</h2>
      <p className="sd-trust-score">
        <span className={`sd-trust-value sd-risk-${level}`} data-testid="trust-score">
          {t('studentDetail.trust.trust', { value: number.format(score.trust) })}
        </span>
        <span className="muted">{t('studentDetail.trust.risk', { value: number.format(score.risk) })}</span>
      </p>
      <p className="muted sd-small-print">
        {t('studentDetail.trust.observed', { minutes: number.format(Math.round(score.observedMs / 60_000)) })}
      </p>
      {score.breakdown.length === 0 ? (
        <p className="status status-empty">{t('studentDetail.trust.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="sd-trust-table">
            <thead>
              <tr>
                <th scope="col">{t('studentDetail.trust.metric')}</th>
                <th scope="col">{t('studentDetail.trust.value')}</th>
                <th scope="col">{t('studentDetail.trust.weight')}</th>
                <th scope="col">{t('studentDetail.trust.points')}</th>
              </tr>
            </thead>
            <tbody>
              {score.breakdown.map((line) => (
                <tr key={line.metric} data-metric={line.metric}>
                  <th scope="row">{t(`studentDetail.metrics.${line.metric}`)}</th>
                  <td>
                    {line.kind === 'share'
                      ? t('studentDetail.trust.share', { value: number.format(line.value) })
                      : t('studentDetail.trust.count', { value: number.format(line.value) })}
                  </td>
                  <td>{number.format(line.weight)}</td>
                  <td>{number.format(line.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted sd-small-print">{t('studentDetail.trust.explain')}</p>
    </section>
  );
}
