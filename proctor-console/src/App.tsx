import { AppShell, AuthGate } from '@adal/shared/web';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { StudentNotice } from './StudentNotice.js';
import { SittingsPage } from './sittings/SittingsPage.js';

export function App() {
  const { t } = useTranslation();
  return (
    <AppShell subtitle={t('app.proctorConsole')}>
      <AuthGate>
        {(user) =>
          user.role === 'student' ? (
            <StudentNotice />
          ) : (
            <Routes>
              <Route index element={<SittingsPage user={user} />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          )
        }
      </AuthGate>
    </AppShell>
  );
}
