import type { TicketDrawOverview } from '@adal/shared';
import { formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/** The table as it stands: the commitment, the pool and rounds, the cards still face down. */
export function DrawFacts({ overview }: { overview: TicketDrawOverview }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const ended = overview.revealedAt;

  return (
    <section className="card draw-facts" aria-label={t('sheetsConsole.draw.facts.state')}>
      <dl className="facts">
        <div>
          <dt>{t('sheetsConsole.draw.facts.state')}</dt>
          <dd data-testid="draw-state">
            {ended
              ? t('sheetsConsole.draw.facts.ended', { time: formatDateTime(ended, language) })
              : t('sheetsConsole.draw.facts.open')}
          </dd>
        </div>
        <div>
          <dt>{t('sheetsConsole.draw.facts.drawn')}</dt>
          <dd data-testid="drawn-count">
            {t('sheetsConsole.draw.facts.drawnValue', {
              drawn: overview.draws.length,
              roster: overview.rosterSize,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('sheetsConsole.draw.facts.pool')}</dt>
          <dd>{overview.poolSize}</dd>
        </div>
        <div>
          <dt>{t('sheetsConsole.draw.facts.rounds')}</dt>
          <dd>{overview.rounds}</dd>
        </div>
        <div>
          <dt>{t('sheetsConsole.draw.facts.round')}</dt>
          <dd data-testid="draw-round">
            {t('sheetsConsole.draw.facts.roundValue', { round: overview.round, rounds: overview.rounds })}
          </dd>
        </div>
        <div>
          <dt>{t('sheetsConsole.draw.facts.faceDown')}</dt>
          <dd data-testid="face-down">{overview.faceDown}</dd>
        </div>
      </dl>
      <div className="draw-commitment">
        <p className="draw-label">{t('sheetsConsole.draw.facts.commitment')}</p>
        <code className="draw-hash" data-testid="commitment">
          {overview.commitment}
        </code>
        <p className="muted">{t('sheetsConsole.draw.facts.commitmentHint')}</p>
      </div>
    </section>
  );
}
