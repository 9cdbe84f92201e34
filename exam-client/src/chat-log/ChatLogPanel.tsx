import { reviewsOf } from '@adal/shared';
import { ErrorNotice, Loading } from '@adal/shared/web';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LogEntryItem } from './LogEntryItem.js';
import { MessageForm } from './MessageForm.js';
import { OngoingFlags } from './OngoingFlags.js';
import type { ChatLog } from './use-chat-log.js';
import './chat-log.css';

/** How close to the end (px) the list must be scrolled for a new entry to scroll it along. */
const FOLLOW_PX = 48;

/**
 * Chat & log (seeds 000, 001): every violation recorded against the student, the proctor's
 * messages and actions, and a box to write to the proctor about technical problems. The list is
 * a polite live region (role="log"): entries that arrive while it is shown are read out.
 * `inline`: in the page's flow (info and sitting pages) rather than beside the test's questions.
 */
export function ChatLogPanel({ log, inline = false }: { log: ChatLog; inline?: boolean }) {
  const { t } = useTranslation();
  const reviews = useMemo(() => reviewsOf(log.entries), [log.entries]);
  const list = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  // Keep the newest entry in view, unless the student scrolled up to read older ones.
  const count = log.entries.length;
  useLayoutEffect(() => {
    const el = list.current;
    if (el && count > 0 && following.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <aside
      className="card chat-log"
      aria-labelledby="chat-log-title"
      data-testid="chat-log"
      data-placement={inline ? 'inline' : 'side'}
    >
      <h2 id="chat-log-title">{t('studentLog.panel.title')}</h2>
      <p className="muted chat-log-intro">{t('studentLog.panel.intro')}</p>
      <OngoingFlags episodes={log.ongoing} />
      {log.status === 'loading' && <Loading />}
      {log.status === 'error' && <ErrorNotice error={log.error} onRetry={log.reload} />}
      {log.status === 'ready' && (
        // Scrollable, so it takes focus to be scrolled from the keyboard.
        <div
          ref={list}
          className="chat-log-entries"
          role="log"
          aria-live="polite"
          aria-label={t('studentLog.panel.entries')}
          tabIndex={0}
          onScroll={(event) => {
            const el = event.currentTarget;
            following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_PX;
          }}
        >
          {count === 0 ? (
            <p className="muted">{t('studentLog.panel.empty')}</p>
          ) : (
            <ol>
              {log.entries.map((entry) => (
                <LogEntryItem key={entry.seq} entry={entry} review={reviews.get(entry.seq)} />
              ))}
            </ol>
          )}
        </div>
      )}
      <MessageForm send={log.send} />
    </aside>
  );
}
