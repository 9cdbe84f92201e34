import { AppShell, AuthGate } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { StaffNotice } from './StaffNotice.js';
import { SchedulePage } from './schedule/SchedulePage.js';
import { ScheduleProvider } from './schedule/schedule-context.js';
import { SittingPage } from './sittings/SittingPage.js';

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
    <AppShell subtitle={t('app.examClient')}>
      <AuthGate>{(user) => (user.role === 'student' ? <StudentRoutes /> : <StaffNotice />)}</AuthGate>
    </AppShell>
  );
}
