import type { CommissionGrading } from '@adal/shared';
import { EmptyState, ErrorNotice, errorCode, Loading, useDocumentTitle, useResource } from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { anyNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { AnnounceGrades } from './AnnounceGrades.js';
import { summarize, withRow } from './commission-rows.js';
import { ProtocolPanel } from './ProtocolPanel.js';
import { ScoreTable } from './ScoreTable.js';
import './commission.css';

/**
 * A state exam's or thesis defence's commission grading (`/sittings/:id/commission`): members
 * score, the chair fixes the final grades under the protocol and announces them, the technical
 * secretary enters the protocol; everyone on the commission downloads the protocol PDF.
 */
export function CommissionPage() {
  const { t } = useTranslation();
  const { sittingId, callApi, sitting } = useStaffSitting();
  const grading = useResource(
    (signal) => callApi('commissionGrading', { params: { sittingId }, signal }),
    [callApi, sittingId],
  );
  const discipline = sitting.state.status === 'ready' ? sitting.state.data.discipline.name : '';
  const title = discipline ? t('commission.title', { discipline }) : t('commission.link');
  useDocumentTitle(title);
  const refused = anyNotYours(sitting, grading);
  // The server answers 409 for a sitting an examiner grades, not a commission.
  const notCommission = grading.state.status === 'error' && errorCode(grading.state.error) === 'conflict';

  return (
    <section className="commission-page" aria-labelledby="commission-title">
      <p>
        <Link to="/">{t('commission.back')}</Link>
      </p>
      <div className="page-head">
        <h1 id="commission-title">{title}</h1>
        {grading.state.status === 'ready' && (
          <button type="button" className="button-secondary" onClick={grading.reload}>
            {t('commission.refresh')}
          </button>
        )}
      </div>
      {refused ? (
        <p className="notice notice-error" role="alert">
          {t('commission.notAllowed')}
        </p>
      ) : notCommission ? (
        <p className="notice notice-info">{t('commission.notCommission')}</p>
      ) : (
        <>
          {grading.state.status === 'loading' && <Loading />}
          {grading.state.status === 'error' && (
            <ErrorNotice error={grading.state.error} onRetry={grading.reload} />
          )}
          {grading.state.status === 'ready' && (
            <CommissionBoard
              grading={grading.state.data}
              onUpdate={grading.update}
              onReload={grading.reload}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The loaded grading; exported for its render test. */
export function CommissionBoard({
  grading,
  onUpdate,
  onReload,
}: {
  grading: CommissionGrading;
  /** Changes the loaded grading (functional: saves of several rows may return at once). */
  onUpdate: (change: (g: CommissionGrading) => CommissionGrading) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [announced, setAnnounced] = useState<number | null>(null);
  const summary = summarize(grading.rows);
  const { viewer, commission } = grading;

  return (
    <>
      <p className="muted" data-testid="commission-intro">
        {t(`commission.intro.${viewer}`)}
      </p>
      <section className="card commission-people" aria-labelledby="commission-people-title">
        <h2 id="commission-people-title">
          {t('commission.people.title')} <span className="muted">· {commission.name}</span>
        </h2>
        <ul data-testid="commission-people">
          {commission.people.map((p) => (
            <li key={p.userId} data-seat={p.seat}>
              <span className="muted">{t(`commission.people.seat.${p.seat}`)}:</span> {p.fullName}
            </li>
          ))}
        </ul>
      </section>
      <ProtocolPanel
        sittingId={grading.sittingId}
        viewer={viewer}
        protocol={grading.protocol}
        onSaved={(protocol) => onUpdate((g) => ({ ...g, protocol }))}
      />
      <div className="commission-toolbar">
        <p data-testid="commission-summary">{t('commission.summary', { ...summary })}</p>
        {viewer === 'chair' && (
          <AnnounceGrades
            sittingId={grading.sittingId}
            toAnnounce={summary.toAnnounce}
            unfixed={summary.total - summary.fixed}
            onAnnounced={(result) => {
              setAnnounced(result.announced);
              onReload();
            }}
          />
        )}
      </div>
      {announced !== null && (
        <p className="notice notice-info" role="status" data-testid="announce-result">
          {t('commission.announce.done', { count: announced })}
        </p>
      )}
      {grading.rows.length === 0 ? (
        <EmptyState>{t('commission.empty')}</EmptyState>
      ) : (
        <ScoreTable grading={grading} onRow={(row) => onUpdate((g) => withRow(g, row))} />
      )}
    </>
  );
}
