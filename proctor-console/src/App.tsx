import { AppShell, AuthGate, Loading, WrongAppNotice } from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AttemptsLiveProvider } from './attempts/attempts-live.js';
import { ConsoleNav } from './nav/ConsoleNav.js';
import { SittingsPage } from './sittings/SittingsPage.js';

/** Loaded on demand: it brings mediasoup-client. */
const LivePage = lazy(() => import('./live/LivePage.js').then((m) => ({ default: m.LivePage })));
/** Loaded on demand: only staff who review a sitting afterwards open it. */
const RecordingsPage = lazy(() =>
  import('./recordings/RecordingsPage.js').then((m) => ({ default: m.RecordingsPage })),
);
/** Loaded on demand: only the dean's office and admins keep question banks. */
const BanksPage = lazy(() => import('./banks/BanksPage.js').then((m) => ({ default: m.BanksPage })));
const FormatsPage = lazy(() => import('./banks/FormatsPage.js').then((m) => ({ default: m.FormatsPage })));
/** Loaded on demand: the dean's office keeps the ticket pools of closed-ticket exams. */
const TicketPoolsPage = lazy(() =>
  import('./ticket-pools/TicketPoolsPage.js').then((m) => ({ default: m.TicketPoolsPage })),
);
const TicketFormatsPage = lazy(() =>
  import('./ticket-pools/TicketFormatsPage.js').then((m) => ({ default: m.TicketFormatsPage })),
);
/** Loaded on demand: the proctoring overview and one student's detail (issue 5). */
const OverviewPage = lazy(() =>
  import('./proctoring/OverviewPage.js').then((m) => ({ default: m.OverviewPage })),
);
const StudentDetailPage = lazy(() =>
  import('./student-detail/StudentDetailPage.js').then((m) => ({ default: m.StudentDetailPage })),
);
/** Loaded on demand: reviewing appeals happens after a test, by few. */
const AppealsPage = lazy(() => import('./appeals/AppealsPage.js').then((m) => ({ default: m.AppealsPage })));
/** Loaded on demand: oral and written exams only — the ticket draw and the answer-sheet gallery. */
const TicketDrawPage = lazy(() =>
  import('./ticket-draw/TicketDrawPage.js').then((m) => ({ default: m.TicketDrawPage })),
);
const SheetsPage = lazy(() =>
  import('./answer-sheets/SheetsPage.js').then((m) => ({ default: m.SheetsPage })),
);
/** Loaded on demand: the examiner's grade sheet of an oral or written exam. */
/** Loaded on demand: oral and state exams only. */
const OralQueuePage = lazy(() =>
  import('./oral-queue/OralQueuePage.js').then((m) => ({ default: m.OralQueuePage })),
);
/** Loaded on demand: thesis defences only — the schedule, the talk timer and the presentation. */
const DefencePage = lazy(() =>
  import('./thesis-defence/DefencePage.js').then((m) => ({ default: m.DefencePage })),
);
const GradingPage = lazy(() => import('./grading/GradingPage.js').then((m) => ({ default: m.GradingPage })));
/** Loaded on demand: state exams and thesis defences only — the commission's grading. */
const CommissionPage = lazy(() =>
  import('./commission/CommissionPage.js').then((m) => ({ default: m.CommissionPage })),
);
/** Loaded on demand: the dean's office and commission chairs decide make-up applications now and then. */
const MakeUpPage = lazy(() => import('./make-up/MakeUpPage.js').then((m) => ({ default: m.MakeUpPage })));

export function App() {
  const { t } = useTranslation();
  return (
    <AppShell subtitle={t('app.proctorConsole')}>
      <AuthGate>
        {(user) =>
          user.role === 'student' ? (
            <WrongAppNotice audience="student" href="/" />
          ) : (
            <>
              <ConsoleNav role={user.role} />
              <Routes>
                <Route
                  index
                  element={
                    <AttemptsLiveProvider>
                      <SittingsPage user={user} />
                    </AttemptsLiveProvider>
                  }
                />
                <Route
                  path="sittings/:sittingId/live"
                  element={
                    <Suspense fallback={<Loading />}>
                      <LivePage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/proctoring"
                  element={
                    <Suspense fallback={<Loading />}>
                      <OverviewPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/students/:studentId"
                  element={
                    <Suspense fallback={<Loading />}>
                      <StudentDetailPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/recordings"
                  element={
                    <Suspense fallback={<Loading />}>
                      <RecordingsPage />
                    </Suspense>
                  }
                />
                <Route
                  path="banks"
                  element={
                    <Suspense fallback={<Loading />}>
                      <BanksPage user={user} />
                    </Suspense>
                  }
                />
                <Route
                  path="banks/formats"
                  element={
                    <Suspense fallback={<Loading />}>
                      <FormatsPage />
                    </Suspense>
                  }
                />
                <Route
                  path="ticket-pools"
                  element={
                    <Suspense fallback={<Loading />}>
                      <TicketPoolsPage user={user} />
                    </Suspense>
                  }
                />
                <Route
                  path="ticket-pools/formats"
                  element={
                    <Suspense fallback={<Loading />}>
                      <TicketFormatsPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/appeals"
                  element={
                    <Suspense fallback={<Loading />}>
                      <AppealsPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/draw"
                  element={
                    <Suspense fallback={<Loading />}>
                      <TicketDrawPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/sheets"
                  element={
                    <Suspense fallback={<Loading />}>
                      <SheetsPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/queue"
                  element={
                    <Suspense fallback={<Loading />}>
                      <OralQueuePage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/defence"
                  element={
                    <Suspense fallback={<Loading />}>
                      <DefencePage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/grading"
                  element={
                    <Suspense fallback={<Loading />}>
                      <GradingPage />
                    </Suspense>
                  }
                />
                <Route
                  path="sittings/:sittingId/commission"
                  element={
                    <Suspense fallback={<Loading />}>
                      <CommissionPage />
                    </Suspense>
                  }
                />
                <Route
                  path="make-up"
                  element={
                    <Suspense fallback={<Loading />}>
                      <MakeUpPage />
                    </Suspense>
                  }
                />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </>
          )
        }
      </AuthGate>
    </AppShell>
  );
}
