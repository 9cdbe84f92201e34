import { AppShell, AuthGate, Loading, WrongAppNotice } from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { AppealPage } from './appeals/AppealPage.js';
import { PassedTestsPage } from './appeals/PassedTestsPage.js';
import { ResultPage } from './computer-test/ResultPage.js';
import { TEST_STEPS } from './computer-test/steps.js';
import { STEP_PAGES, TestFlow } from './computer-test/TestFlow.js';
import { TestRunner } from './computer-test/TestRunner.js';
import { MissedExamsPage } from './make-up/MissedExamsPage.js';
import { SchedulePage } from './schedule/SchedulePage.js';
import { ScheduleProvider } from './schedule/schedule-context.js';
import { SittingPage } from './sittings/SittingPage.js';

/** Loaded on demand: it brings mediasoup-client. */
const PhonePage = lazy(() => import('./phone/PhonePage.js').then((m) => ({ default: m.PhonePage })));

function StudentRoutes() {
  return (
    <ScheduleProvider>
      <Routes>
        <Route index element={<SchedulePage />} />
        <Route path="sittings/:sittingId" element={<SittingPage />} />
        {/* The computer test: pre-checks, rules, info and the test share one layout (devices stay on). */}
        <Route path="sittings/:sittingId/test" element={<TestFlow />}>
          <Route index element={<Navigate to={TEST_STEPS[0]} replace />} />
          {TEST_STEPS.map((step) => {
            const Page = STEP_PAGES[step];
            return <Route key={step} path={step} element={<Page />} />;
          })}
          <Route path="attempts/:attemptId" element={<TestRunner />} />
        </Route>
        <Route path="sittings/:sittingId/test/attempts/:attemptId/result" element={<ResultPage />} />
        {/* Appeals (seed 002): "Yes, file an appeal" after the test and the "Passed tests" page lead here. */}
        <Route path="sittings/:sittingId/test/attempts/:attemptId/appeal" element={<AppealPage />} />
        <Route path="passed-tests" element={<PassedTestsPage />} />
        {/* Absence and make-up: missed sittings and the applications for a make-up sitting. */}
        <Route path="make-up" element={<MissedExamsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </ScheduleProvider>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <Routes>
      {/* The phone camera page needs no login: its link carries a phone-only media token. */}
      <Route
        path="phone"
        element={
          <AppShell subtitle={t('app.examClient')}>
            <Suspense fallback={<Loading />}>
              <PhonePage />
            </Suspense>
          </AppShell>
        }
      />
      <Route
        path="*"
        element={
          <AppShell subtitle={t('app.examClient')}>
            <AuthGate>
              {(user) =>
                user.role === 'student' ? (
                  <StudentRoutes />
                ) : (
                  <WrongAppNotice audience="staff" href="/proctor/" />
                )
              }
            </AuthGate>
          </AppShell>
        }
      />
    </Routes>
  );
}
