import { type BankSummary, type BlueprintState, DIFFICULTIES, type SittingWithRoster } from '@adal/shared';
import { ErrorNotice, Loading, useAuth, useResource } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { banksOfDiscipline } from '../banks/import-file.js';
import { TestPaperForm } from './TestPaperForm.js';
import './test-paper.css';

/** What every paper of the test holds, as the proctors and commissions see it. */
function PaperSummary({ state }: { state: BlueprintState }) {
  const { t } = useTranslation();
  const b = state.blueprint;
  if (!b)
    return (
      <p className="notice notice-error" data-testid="paper-not-set">
        {t('staff.testPaper.notSet')}
      </p>
    );
  return (
    <dl className="facts paper-summary">
      {DIFFICULTIES.map((d) => (
        <div key={d}>
          <dt>{t(`staff.difficulty.${d}`)}</dt>
          <dd data-testid={`paper-${d}`}>{b[d]}</dd>
        </div>
      ))}
      <div>
        <dt>{t('staff.banks.total')}</dt>
        <dd>{b.simple + b.medium + b.hard}</dd>
      </div>
    </dl>
  );
}

/**
 * A computer test's paper on its sitting card. The dean's office and admins choose the bank and
 * the counts per difficulty; everyone else sees the counts only.
 */
export function TestPaperSection({ sitting, canEdit }: { sitting: SittingWithRoster; canEdit: boolean }) {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { sittingId } = sitting;
  const paper = useResource(
    (signal) => callApi('getBlueprint', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const banks = useResource(
    async (signal): Promise<BankSummary[]> =>
      canEdit ? banksOfDiscipline(await callApi('listBanks', { signal }), sitting.discipline.id) : [],
    [callApi, canEdit, sitting.discipline.id],
  );
  const titleId = `test-paper-${sittingId}`;

  return (
    <section className="test-paper" aria-labelledby={titleId} data-testid="test-paper">
      <h3 id={titleId}>{t('staff.testPaper.title')}</h3>
      {paper.state.status === 'loading' && <Loading />}
      {paper.state.status === 'error' && <ErrorNotice error={paper.state.error} onRetry={paper.reload} />}
      {paper.state.status === 'ready' &&
        (canEdit ? (
          <>
            <p className="muted">{t('staff.testPaper.intro')}</p>
            {banks.state.status === 'error' && (
              <ErrorNotice error={banks.state.error} onRetry={banks.reload} />
            )}
            <TestPaperForm
              sittingId={sittingId}
              state={paper.state.data}
              banks={banks.state.status === 'ready' ? banks.state.data : null}
              onSaved={(next) => paper.update(() => next)}
            />
          </>
        ) : (
          <PaperSummary state={paper.state.data} />
        ))}
    </section>
  );
}
