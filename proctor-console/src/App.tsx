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
/** Loaded on demand: the proctoring overview and one student's detail (issue 5). */
const OverviewPage = lazy(() =>
  import('./proctoring/OverviewPage.js').then((m) => ({ default: m.OverviewPage })),
);
const StudentDetailPage = lazy(() =>
  import('./student-detail/StudentDetailPage.js').then((m) => ({ default: m.StudentDetailPage })),
);
/** Loaded on demand: reviewing appeals happens after a test, by few. */
const AppealsPage = lazy(() => import('./appeals/AppealsPage.js').then((m) => ({ default: m.AppealsPage })));

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
                  path="sittings/:sittingId/appeals"
                  element={
                    <Suspense fallback={<Loading />}>
                      <AppealsPage />
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
