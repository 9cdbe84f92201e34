import type { AppealPage as AppealPageData } from '@adal/shared';
import {
  EmptyState,
  ErrorNotice,
  Loading,
  useAuth,
  useDocumentTitle,
  useOnConnect,
  useResource,
  useServerEvent,
} from '@adal/shared/web';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSchedule } from '../schedule/schedule-context.js';
import { AppealCountdown } from './AppealCountdown.js';
import { AppealForm } from './AppealForm.js';
import { type AppealWindow, appealWindow } from './appeal-window.js';
import { FiledAppeal } from './FiledAppeal.js';
import { appealPaths } from './paths.js';
import './appeals.css';

interface Loaded {
  page: AppealPageData;
  window: AppealWindow;
}

/**
 * The appeal page (seed 002): the countdown of the time left to appeal, the wrongly answered
 * questions to pick from, and once filed the appeal with each question's decision, kept live.
 */
export function AppealPage() {
  const { t } = useTranslation();
  const { callApi } = useAuth();
  const { socket } = useSchedule();
  const { attemptId = '' } = useParams();
  useDocumentTitle(t('appeals.page.title'));
  const loaded = useResource(
    async (signal): Promise<Loaded> => {
      const sentAt = Date.now();
      const page = await callApi('appealPage', { params: { attemptId }, signal });
      return { page, window: appealWindow(page, Date.now(), sentAt) };
    },
    [callApi, attemptId],
  );
  const [expired, setExpired] = useState(false);

  useServerEvent(socket, 'appeal:decided', (event) => {
    if (event.attemptId === attemptId) loaded.reload();
  });
  useOnConnect(socket, (_socket, isReconnect) => {
    if (isReconnect) loaded.reload();
  });

  const { state } = loaded;
  return (
    <section className="appeal-page" aria-labelledby="appeal-title">
      <p>
        <Link to={appealPaths.passedTests}>{t('appeals.page.toPassed')}</Link>
      </p>
      <h1 id="appeal-title">
        {state.status === 'ready'
          ? t('appeals.page.heading', { discipline: state.data.page.discipline.name })
          : t('appeals.page.title')}
      </h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={loaded.reload} />}
      {state.status === 'ready' && (
        <AppealBody
          loaded={state.data}
          expired={expired}
          onExpired={() => setExpired(true)}
          onChanged={(page) => loaded.update((current) => ({ ...current, page }))}
          onConflict={loaded.reload}
        />
      )}
    </section>
  );
}

function AppealBody({
  loaded: { page, window },
  expired,
  onExpired,
  onChanged,
  onConflict,
}: {
  loaded: Loaded;
  expired: boolean;
  onExpired(): void;
  onChanged(page: AppealPageData): void;
  onConflict(): void;
}) {
  const { t } = useTranslation();
  if (page.appeal) return <FiledAppeal appeal={page.appeal} />;
  if (page.windowEndsAt === null) return <p className="notice notice-info">{t('appeals.page.noWindow')}</p>;
  // The countdown reports zero (onExpired): the form closes without waiting for the server.
  const open = page.open && !expired;
  if (!open)
    return (
      <p className="notice notice-info" data-testid="appeal-closed">
        {t('appeals.page.closed')}
      </p>
    );
  return (
    <>
      <AppealCountdown window={window} onExpired={onExpired} />
      {page.wrong.length === 0 ? (
        <EmptyState>{t('appeals.page.noneWrong')}</EmptyState>
      ) : (
        <AppealForm
          attemptId={page.attemptId}
          questions={page.wrong}
          onFiled={(appeal) => onChanged({ ...page, open: false, appeal })}
          onConflict={onConflict}
        />
      )}
    </>
  );
}
