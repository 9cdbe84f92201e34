import type { IdentityCheckView } from '@adal/shared';
import { type AdalSocket, ErrorNotice, Loading, type ResourceState } from '@adal/shared/web';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from './entries.js';
import { IdentityDecisionControls } from './IdentityDecisionControls.js';
import { IdentityFacts } from './IdentityFacts.js';
import { documentRows, identityStatus, photoUrl } from './identity-check.js';
import { useIdentityCheck } from './use-identity-check.js';

interface IdentityPanelProps {
  sittingId: string;
  studentId: string;
  fullName: string;
  iin: string;
  /** Those who admit (the sitting's proctor, a state exam's secretary, admins) decide. */
  canDecide: boolean;
  socket: AdalSocket | null;
}

/**
 * The student's latest identity check (issue 7): the face and document photos side by side, the
 * document's fields against the list, what the device measured, and the decision. Kept current
 * over the sitting's socket.
 */
export function IdentityPanel({ sittingId, studentId, socket, ...shown }: IdentityPanelProps) {
  const check = useIdentityCheck(socket, sittingId, studentId);
  return (
    <IdentityPanelView
      {...shown}
      state={check.state}
      onRetry={check.reload}
      onDecided={(decided) => check.update(() => decided)}
    />
  );
}

interface IdentityPanelViewProps {
  fullName: string;
  iin: string;
  canDecide: boolean;
  state: ResourceState<IdentityCheckView | null>;
  onRetry: () => void;
  onDecided: (check: IdentityCheckView) => void;
}

/** The panel for a loaded (or loading) check; exported for its render test. */
export function IdentityPanelView({
  fullName,
  iin,
  canDecide,
  state,
  onRetry,
  onDecided,
}: IdentityPanelViewProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const check = state.status === 'ready' ? state.data : null;
  const status = state.status === 'ready' ? identityStatus(check) : null;
  return (
    <section
      className="card sd-identity"
      aria-labelledby={titleId}
      data-verified={status === 'verified'}
      data-status={status ?? 'loading'}
    >
      <div className="page-head">
        <h2 id={titleId}>{t('studentDetail.identity.title')}</h2>
        {status !== null && (
          <span className="badge sd-identity-status" data-status={status}>
            {t(`studentDetail.identity.status.${status}`)}
          </span>
        )}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={onRetry} />}
      {state.status === 'ready' && check === null && (
        <p className="muted">{t('studentDetail.identity.noneYet')}</p>
      )}
      {check && (
        <>
          <p className="muted">
            {t('studentDetail.identity.sentAt', { time: clockTime(check.submittedAt) })}
          </p>
          <IdentityPhotos check={check} />
          <DocumentTable check={check} roster={{ fullName, iin }} />
          <IdentityFacts check={check} />
          <DecisionSummary check={check} />
          {canDecide && <IdentityDecisionControls check={check} onDecided={onDecided} />}
        </>
      )}
    </section>
  );
}

function IdentityPhotos({ check }: { check: IdentityCheckView }) {
  const { t } = useTranslation();
  const photos = [
    { photo: 'face', caption: t('studentDetail.identity.facePhoto') },
    { photo: 'document', caption: t('studentDetail.identity.idPhoto') },
  ] as const;
  return (
    <div className="sd-identity-photos">
      {photos.map(({ photo, caption }) => (
        <figure key={photo} className="sd-identity-photo" data-photo={photo}>
          <a
            href={photoUrl(check, photo)}
            target="_blank"
            rel="noreferrer"
            title={t('studentDetail.identity.openPhoto')}
          >
            <img
              src={photoUrl(check, photo)}
              alt={t(`studentDetail.identity.photoAlt.${photo}`, { name: check.fullName })}
            />
          </a>
          <figcaption>{caption}</figcaption>
        </figure>
      ))}
    </div>
  );
}

function DocumentTable({
  check,
  roster,
}: {
  check: IdentityCheckView;
  roster: { fullName: string; iin: string };
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="sd-identity-table">
        <thead>
          <tr>
            <th scope="col">{t('studentDetail.identity.field')}</th>
            <th scope="col">{t('studentDetail.identity.roster')}</th>
            <th scope="col">{t('studentDetail.identity.extracted')}</th>
          </tr>
        </thead>
        <tbody>
          {documentRows(check, roster).map((row) => (
            <tr key={row.field} data-field={row.field}>
              <th scope="row">{t(`studentDetail.identity.fields.${row.field}`)}</th>
              <td className={row.field === 'iin' ? 'iin' : undefined}>
                {row.listed ?? <span className="muted">{t('studentDetail.identity.notOnList')}</span>}
              </td>
              <td className={row.field === 'iin' ? 'iin' : undefined}>
                {row.read ?? <span className="muted">{t('studentDetail.identity.notRead')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DecisionSummary({ check }: { check: IdentityCheckView }) {
  const { t } = useTranslation();
  if (check.decision === null || check.decidedAt === null) return null;
  return (
    <div className="sd-identity-decision" data-decision={check.decision}>
      <h3>{t('studentDetail.identity.decisionTitle')}</h3>
      <p>
        {t('studentDetail.identity.decidedBy', {
          decision: t(`studentDetail.identity.status.${check.decision}`),
          name: check.decidedBy ?? t('studentDetail.identity.none'),
          time: clockTime(check.decidedAt),
        })}
      </p>
      {check.decisionNote && <p>{t('studentDetail.identity.decisionNote', { note: check.decisionNote })}</p>}
    </div>
  );
}
