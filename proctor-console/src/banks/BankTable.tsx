import { type BankSummary, DIFFICULTIES } from '@adal/shared';
import { EmptyState, formatDateTime, useLanguage } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';

/** Every bank, newest first: discipline, title, questions per difficulty, when it was imported. */
export function BankTable({ banks }: { banks: BankSummary[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (banks.length === 0) return <EmptyState>{t('staff.banks.empty')}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="banks">
        <thead>
          <tr>
            <th scope="col">{t('staff.banks.bankTitle')}</th>
            <th scope="col">{t('staff.banks.discipline')}</th>
            {DIFFICULTIES.map((d) => (
              <th scope="col" className="count" key={d}>
                {t(`staff.difficulty.${d}`)}
              </th>
            ))}
            <th scope="col" className="count">
              {t('staff.banks.total')}
            </th>
            <th scope="col">{t('staff.banks.imported')}</th>
          </tr>
        </thead>
        <tbody>
          {banks.map((bank) => (
            <tr key={bank.bankId} data-bank-id={bank.bankId}>
              <th scope="row">{bank.title}</th>
              <td>
                {bank.discipline.name}
                <span className="discipline-code">{bank.discipline.code}</span>
              </td>
              {DIFFICULTIES.map((d) => (
                <td className="count" key={d} data-difficulty={d}>
                  {bank.counts[d]}
                </td>
              ))}
              <td className="count" data-difficulty="total">
                {bank.counts.total}
              </td>
              <td>
                <time dateTime={bank.createdAt}>{formatDateTime(bank.createdAt, language)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
