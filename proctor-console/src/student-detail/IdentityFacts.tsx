import type { IdentityCheckView } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { ocrSource } from './identity-check.js';

/** Two decimals are enough to read a descriptor distance against its threshold. */
const two = (n: number) => n.toFixed(2);

/**
 * What the check found, each part with its own heading: the server's comparison with the list
 * (each reason in words), the liveness challenges, the device's face match (advice only), how the
 * document was read, and how long the device took.
 */
export function IdentityFacts({ check }: { check: IdentityCheckView }) {
  const { t } = useTranslation();
  const { roster, liveness, faceMatch, document: doc, timings } = check;
  const source = ocrSource(check);
  return (
    <div className="sd-identity-facts">
      <section className="sd-identity-fact" data-verdict={roster.verdict}>
        <h3>{t('studentDetail.identity.rosterTitle')}</h3>
        <p>
          <strong className="sd-identity-verdict" data-verdict={roster.verdict}>
            {t(`studentDetail.identity.rosterVerdict.${roster.verdict}`)}
          </strong>
        </p>
        <ul className="sd-identity-reasons">
          {roster.reasons.map((reason) => (
            <li key={reason} data-reason={reason}>
              {t(`studentDetail.identity.reasons.${reason}`)}
            </li>
          ))}
        </ul>
        <p className="sd-hint">{t('studentDetail.identity.rosterNote')}</p>
      </section>

      <section className="sd-identity-fact" data-passed={liveness.passed}>
        <h3>{t('studentDetail.identity.livenessTitle')}</h3>
        <p>
          <strong>{t(`studentDetail.identity.liveness.${liveness.passed ? 'passed' : 'failed'}`)}</strong>
        </p>
        <ul className="sd-identity-reasons">
          {liveness.challenges.map((c, i) => (
            // A challenge may be asked twice: the position keeps the keys apart.
            <li key={`${i}-${c.challenge}`} data-passed={c.passed}>
              {`${t(`studentDetail.identity.challenges.${c.challenge}`)}: ${t(
                `studentDetail.identity.${c.passed ? 'challengePassed' : 'challengeFailed'}`,
              )}`}
            </li>
          ))}
        </ul>
      </section>

      <section className="sd-identity-fact" data-verdict={faceMatch.verdict}>
        <h3>{t('studentDetail.identity.faceMatchTitle')}</h3>
        <p>
          <strong>{t(`studentDetail.identity.faceMatch.${faceMatch.verdict}`)}</strong>
        </p>
        {faceMatch.distance !== null && (
          <p>
            {t('studentDetail.identity.distance', {
              distance: two(faceMatch.distance),
              threshold: two(faceMatch.threshold),
            })}
          </p>
        )}
        <p className="sd-hint">{t('studentDetail.identity.faceMatchAdvice')}</p>
      </section>

      <section className="sd-identity-fact" data-source={source}>
        <h3>{t('studentDetail.identity.ocrTitle')}</h3>
        <p>
          {t(`studentDetail.identity.ocr.${source}`, {
            format: doc.format ?? '',
            fields: doc.invalidFields.join(', ') || t('studentDetail.identity.none'),
          })}
        </p>
        {doc.ocrConfidence !== null && (
          <p>{t('studentDetail.identity.ocrConfidence', { value: Math.round(doc.ocrConfidence) })}</p>
        )}
      </section>

      <section className="sd-identity-fact">
        <h3>{t('studentDetail.identity.timingsTitle')}</h3>
        <p>
          {t('studentDetail.identity.timings', {
            face: Math.round(timings.faceFrameMs),
            ocr: (timings.ocrMs / 1000).toFixed(1),
          })}
        </p>
      </section>
    </div>
  );
}
