import { LOCALES, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { formatScore, riskLevel, type TileRisk } from './overview-rows.js';
import './proctoring.css';

/** "Needs attention", in words and colour (the text is there, so colour is never the only signal). */
export function AttentionBadge() {
  const { t } = useTranslation();
  return <span className="attention-badge">{t('proctoring.needsAttention')}</span>;
}

/** A student's risk as a coloured chip: "Risk 42". */
export function RiskChip({ risk }: { risk: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <span className="risk-chip" data-level={riskLevel(risk)}>
      {t('proctoring.risk.short', { risk: formatScore(risk, LOCALES[language]) })}
    </span>
  );
}

/** On a live tile: the risk and, when it applies, "needs attention". */
export function RiskMarker({ risk, needsAttention }: TileRisk) {
  return (
    <span className="risk-marker" data-needs-attention={needsAttention}>
      {needsAttention && <AttentionBadge />}
      <RiskChip risk={risk} />
    </span>
  );
}
