import type { TrustLine, TrustScore } from '@adal/shared';
import {
  type AdalSocket,
  ErrorNotice,
  isApiError,
  useAuth,
  useLanguage,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../computer-test/format.js';
import { SITTING_OVER_ACTIONS } from './instructions.js';
import { isOwnEvent } from './log-entries.js';
import { useLogWords } from './use-log-words.js';
import './chat-log.css';

/**
 * The student's trust score with its breakdown, once their sitting is over (the server answers
 * 409 until then: nothing shows). Loaded again when the log says the sitting ended.
 */
export function TrustScoreSection({ sittingId, socket }: { sittingId: string; socket: AdalSocket | null }) {
  const { callApi, user } = useAuth();
  const trust = useResource(
    (signal) => callApi('myTrust', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  useServerEvent(socket, 'log:appended', (event) => {
    const { entry } = event;
    if (
      isOwnEvent(event, sittingId, user?.id) &&
      entry.source === 'system' &&
      SITTING_OVER_ACTIONS.has(entry.type)
    )
      trust.reload();
  });
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) trust.reload();
  });

  const { state } = trust;
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    if (isApiError(state.error) && state.error.code === 'conflict') return null;
    return <ErrorNotice error={state.error} onRetry={trust.reload} />;
  }
  return <TrustScoreView score={state.data} />;
}

export function TrustScoreView({ score }: { score: TrustScore }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const words = useLogWords();
  const num = (n: number) => formatNumber(n, language);
  return (
    <section className="card trust-score" aria-labelledby="trust-title" data-testid="trust-score">
      <h2 id="trust-title">{t('studentLog.trust.title')}</h2>
      <p className="trust-value" data-trust={score.trust}>
        {t('studentLog.trust.value', { trust: num(score.trust) })}
      </p>
      <p className="muted">{t('studentLog.trust.intro')}</p>
      {score.observedMs > 0 && (
        <p>{t('studentLog.trust.observed', { duration: words.duration(score.observedMs) })}</p>
      )}
      {score.breakdown.length === 0 ? (
        <p>{t('studentLog.trust.nothing')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('studentLog.trust.breakdown')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('studentLog.trust.metric')}</th>
                <th scope="col">{t('studentLog.trust.amount')}</th>
                <th scope="col">{t('studentLog.trust.weight')}</th>
                <th scope="col">{t('studentLog.trust.points')}</th>
              </tr>
            </thead>
            <tbody>
              {score.breakdown.map((line) => (
                <TrustRow key={line.metric} line={line} num={num} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('studentLog.trust.total')}
                </th>
                <td>{num(score.risk)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

function TrustRow({ line, num }: { line: TrustLine; num(n: number): string }) {
  const { t } = useTranslation();
  return (
    <tr data-metric={line.metric}>
      <th scope="row">{t(`studentLog.trust.metrics.${line.metric}`)}</th>
      <td>
        {line.kind === 'share'
          ? t('studentLog.trust.share', { value: num(line.value) })
          : t('studentLog.trust.count', { value: num(line.value) })}
      </td>
      <td>{num(line.weight)}</td>
      <td>{num(line.points)}</td>
    </tr>
  );
}
