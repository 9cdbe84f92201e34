import type { ProctoringRow, StaffRef } from '@adal/shared';
import { AccessBadge, formatTime, useLanguage } from '@adal/shared/web';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IdentityStatus } from '../student-detail/identity-check.js';
import { HandOverSelect } from './HandOverSelect.js';
import { OngoingFlags } from './OngoingFlags.js';
import { AttentionBadge } from './RiskMarker.js';
import { TrustDetails } from './TrustDetails.js';

interface OverviewTableProps {
  sittingId: string;
  rows: readonly ProctoringRow[];
  proctors: readonly StaffRef[];
  canAct: boolean;
  /** serverNow − local time (ms), for the running durations. */
  offset: number;
  onRow: (row: ProctoringRow) => void;
  /** Each student's identity status (null or absent: not loaded, no badges). */
  identity?: ReadonlyMap<string, IdentityStatus> | null;
}

/** A row per student, in the order given (needs attention first, then risk). */
export function OverviewTable({
  sittingId,
  rows,
  proctors,
  canAct,
  offset,
  onRow,
  identity,
}: OverviewTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap proctoring-table-wrap">
      <table className="proctoring-table">
        <caption className="visually-hidden">{t('proctoring.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('proctoring.table.name')}</th>
            <th scope="col">{t('proctoring.table.access')}</th>
            <th scope="col">{t('proctoring.table.stage')}</th>
            <th scope="col">{t('proctoring.table.proctor')}</th>
            <th scope="col">{t('proctoring.table.risk')}</th>
            <th scope="col">{t('proctoring.table.openFlags')}</th>
            <th scope="col">{t('proctoring.table.ongoing')}</th>
            <th scope="col">{t('proctoring.table.roomScan')}</th>
            <th scope="col">{t('proctoring.table.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <OverviewRow
              key={row.studentId}
              sittingId={sittingId}
              row={row}
              proctors={proctors}
              canAct={canAct}
              offset={offset}
              onRow={onRow}
              identity={identity ? (identity.get(row.studentId) ?? 'none') : null}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type OverviewRowProps = Omit<OverviewTableProps, 'rows' | 'identity'> & {
  row: ProctoringRow;
  identity: IdentityStatus | null;
};

/** Memoised: a refetch replaces only the rows that changed, and only those render again. */
const OverviewRow = memo(function OverviewRow({
  sittingId,
  row,
  proctors,
  canAct,
  offset,
  onRow,
  identity,
}: OverviewRowProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <tr
      className={row.needsAttention ? 'needs-attention' : undefined}
      data-student-id={row.studentId}
      data-needs-attention={row.needsAttention}
      data-stage={row.stage}
    >
      <th scope="row">
        <Link to={`/sittings/${sittingId}/students/${row.studentId}`}>{row.fullName}</Link>
        <span className="iin">{row.iin}</span>
        {identity && (
          <span className="identity-status" data-status={identity}>
            {t(`proctoring.identity.${identity}`)}
          </span>
        )}
        {row.needsAttention && <AttentionBadge />}
      </th>
      <td>
        <AccessBadge access={row.access} />
      </td>
      <td>
        <span className="stage" data-stage={row.stage}>
          {t(`proctoring.stage.${row.stage}`)}
        </span>
      </td>
      <td>
        {canAct && proctors.length > 0 ? (
          <HandOverSelect sittingId={sittingId} row={row} proctors={proctors} onHandedOver={onRow} />
        ) : (
          (row.proctor?.fullName ?? <span className="muted">{t('proctoring.unassigned')}</span>)
        )}
      </td>
      <td>
        <TrustDetails trust={row.trust} />
      </td>
      <td className="open-flags" data-count={row.openFlags}>
        {row.openFlags}
      </td>
      <td>
        <OngoingFlags episodes={row.ongoing} offset={offset} />
      </td>
      <td>
        <span className="room-scan" data-state={row.roomScan}>
          {t(`proctoring.roomScan.${row.roomScan}`)}
        </span>
      </td>
      <td className="nowrap">
        {row.lastEntryAt ? (
          <time dateTime={row.lastEntryAt}>{formatTime(row.lastEntryAt, language)}</time>
        ) : (
          <span className="muted">{t('proctoring.table.none')}</span>
        )}
      </td>
    </tr>
  );
});
