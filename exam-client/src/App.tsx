import { AppShell, AuthGate, Loading, WrongAppNotice } from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
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
