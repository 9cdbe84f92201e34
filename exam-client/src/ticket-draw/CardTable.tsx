import { useTranslation } from 'react-i18next';

interface CardTableProps {
  faceDown: number;
  round: number;
  rounds: number;
  /** While a draw is being sent nothing can be picked. */
  disabled: boolean;
  onPick(card: number): void;
}

/** The tickets face down: one button per card, none saying which ticket lies under it. */
export function CardTable({ faceDown, round, rounds, disabled, onPick }: CardTableProps) {
  const { t } = useTranslation();
  return (
    <div className="card-table">
      <p className="muted">
        {t('writtenExam.draw.faceDown', { count: faceDown })}
        {rounds > 1 && ` · ${t('writtenExam.draw.round', { round, rounds })}`}
      </p>
      <ul className="card-grid" aria-label={t('writtenExam.draw.table')}>
        {Array.from({ length: faceDown }, (_, card) => (
          // Cards are positions on the table, so the index is the key.
          <li key={card}>
            <button
              type="button"
              className="face-down-card"
              disabled={disabled}
              onClick={() => onPick(card)}
              data-card={card}
            >
              <span aria-hidden="true">?</span>
              <span className="visually-hidden">
                {t('writtenExam.draw.card', { number: card + 1, total: faceDown })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
