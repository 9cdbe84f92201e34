import { AppShell, AuthGate, Loading, WrongAppNotice } from '@adal/shared/web';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { SittingsPage } from './sittings/SittingsPage.js';

/** Loaded on demand: it brings mediasoup-client. */
const LivePage = lazy(() => import('./live/LivePage.js').then((m) => ({ default: m.LivePage })));
/** Loaded on demand: only staff who review a sitting afterwards open it. */
const RecordingsPage = lazy(() =>
  import('./recordings/RecordingsPage.js').then((m) => ({ default: m.RecordingsPage })),
);

export function App() {
  const { t } = useTranslation();
  return (
    <AppShell subtitle={t('app.proctorConsole')}>
      <AuthGate>
        {(user) =>
          user.role === 'student' ? (
            <WrongAppNotice audience="student" href="/" />
          ) : (
            <Routes>
              <Route index element={<SittingsPage user={user} />} />
              <Route
                path="sittings/:sittingId/live"
                element={
                  <Suspense fallback={<Loading />}>
                    <LivePage />
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
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          )
        }
      </AuthGate>
    </AppShell>
  );
}
