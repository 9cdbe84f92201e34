import { canSetAdmission, hasTicketDraw, type SittingWithRoster } from '@adal/shared';
import {
  ErrorNotice,
  formatDate,
  formatTime,
  Loading,
  useAuth,
  useDocumentTitle,
  useLanguage,
} from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canWatchLive } from '../sittings/roster.js';
import { anyNotYours, isNotYours, useStaffSitting } from '../sittings/use-staff-sitting.js';
import { LiveStatus } from '../ticket-draw/LiveStatus.js';
import { StudentList } from './StudentList.js';
import { StudentSheets } from './StudentSheets.js';
import { type SheetGallery, useSheetGallery } from './use-sheet-gallery.js';
import './answer-sheets.css';

/** The chosen student travels in the address (`?student=`), so the student page can link to them. */
export const STUDENT_PARAM = 'student';

/** `/sittings/:sittingId/sheets`: every student's answer-sheet pages, checked here, live. */
export function SheetsPage() {
  const { t } = useTranslation();
  const { sittingId, sitting } = useStaffSitting();
  const { state } = sitting;
  useDocumentTitle(
    state.status === 'ready'
      ? t('sheetsConsole.sheets.title', { discipline: state.data.discipline.name })
      : t('sheetsConsole.links.sheets'),
  );

  return (
    <section className="sheets-page" aria-labelledby="sheets-title">
      <p>
        <Link to="/">{t('sheetsConsole.back')}</Link>
      </p>
      {anyNotYours(sitting) ? (
        <p className="notice notice-error" role="alert">
          {t('sheetsConsole.notAllowed')}
        </p>
      ) : (
        <>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorNotice error={state.error} onRetry={sitting.reload} />}
          {state.status === 'ready' &&
            (hasTicketDraw(state.data.kind) ? (
              <SittingSheets key={sittingId} sitting={state.data} />
            ) : (
              <p className="notice notice-info">{t('sheetsConsole.sheets.noSheets')}</p>
            ))}
        </>
      )}
    </section>
  );
}

function SittingSheets({ sitting }: { sitting: SittingWithRoster }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const studentId = params.get(STUDENT_PARAM);
  const gallery = useSheetGallery(sitting.sittingId, studentId);
  const { state } = gallery.list;
  const { user } = useAuth();
  // The server decides; the role only keeps useless buttons away. Whoever watches the sitting
  // (commissions too) checks pages; letting a student go is the proctor's or the secretary's.
  const canReview = user !== null && canWatchLive(user.role);
  const canPermitLeave = user !== null && canSetAdmission(user.role);

  return (
    <>
      <div className="page-head">
        <div>
          <h1 id="sheets-title">
            {t('sheetsConsole.sheets.title', { discipline: sitting.discipline.name })}
          </h1>
          <p className="muted">
            {sitting.group.name} · {t(`sittingKind.${sitting.kind}`)} ·{' '}
            {formatDate(sitting.startsAt, language)}, {formatTime(sitting.startsAt, language)}
          </p>
        </div>
        {state.status === 'ready' && <LiveStatus live={gallery.live} />}
      </div>
      <p className="muted">{t('sheetsConsole.sheets.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' &&
        (isNotYours(state.error) ? (
          <p className="notice notice-error" role="alert">
            {t('sheetsConsole.notAllowed')}
          </p>
        ) : (
          <ErrorNotice error={state.error} onRetry={gallery.list.reload} />
        ))}
      {state.status === 'ready' && (
        <SheetsBody
          sittingId={sitting.sittingId}
          studentId={studentId}
          gallery={gallery}
          canReview={canReview}
          canPermitLeave={canPermitLeave}
          onSelect={(id) => setParams({ [STUDENT_PARAM]: id })}
        />
      )}
    </>
  );
}

interface SheetsBodyProps {
  sittingId: string;
  studentId: string | null;
  gallery: SheetGallery;
  /** Accept and reject pages (the sitting's watchers: proctors, commissions, admins). */
  canReview: boolean;
  /** Let the student leave (proctors, the technical secretary, admins). */
  canPermitLeave: boolean;
  onSelect: (studentId: string) => void;
}

/** The loaded gallery: the list, and the chosen student's pages; exported for its render test. */
export function SheetsBody({
  sittingId,
  studentId,
  gallery,
  canReview,
  canPermitLeave,
  onSelect,
}: SheetsBodyProps) {
  const { t } = useTranslation();
  const rows = gallery.list.state.status === 'ready' ? gallery.list.state.data : [];
  const { state: setState } = gallery.set;
  // While another student's pages load, the previous student's are still in the resource.
  const set = setState.status === 'ready' && setState.data?.studentId === studentId ? setState.data : null;
  const studentName = rows.find((row) => row.studentId === studentId)?.fullName ?? '';

  return (
    <>
      {gallery.refreshFailed && (
        <p className="notice notice-error" role="alert">
          {t('sheetsConsole.sheets.refreshFailed')}
        </p>
      )}
      <div className="sheets-layout">
        <section className="sheets-list" aria-labelledby="sheets-list-title">
          <h2 id="sheets-list-title">{t('sheetsConsole.sheets.list.caption')}</h2>
          <StudentList rows={rows} selected={studentId} onSelect={onSelect} />
        </section>
        <div className="sheets-detail">
          {studentId === null && <p className="status status-empty">{t('sheetsConsole.sheets.choose')}</p>}
          {studentId !== null && setState.status === 'error' && (
            <ErrorNotice error={setState.error} onRetry={gallery.set.reload} />
          )}
          {studentId !== null && setState.status !== 'error' && !set && <Loading />}
          {set && (
            <StudentSheets
              key={set.studentId}
              sittingId={sittingId}
              studentName={studentName}
              set={set}
              canReview={canReview}
              canPermitLeave={canPermitLeave}
              onReviewed={(sheet) => gallery.applyReviewed(set.studentId, sheet)}
              onLeft={gallery.reloadStudent}
            />
          )}
        </div>
      </div>
    </>
  );
}
