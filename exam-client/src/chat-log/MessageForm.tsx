import { errorMessage } from '@adal/shared/web';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkMessage } from './message-draft.js';

type Problem = 'empty' | 'tooLong' | { failed: unknown };

/**
 * The student writes to the proctor about technical problems (seed 000). The sent message shows
 * in the log from the server's answer or its event, whichever comes first, once.
 */
export function MessageForm({ send }: { send(text: string): Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (sending) return;
    const checked = checkMessage(draft);
    if (!checked.ok) return setProblem(checked.problem);
    setProblem(null);
    setSending(true);
    try {
      await send(checked.text);
      setDraft('');
    } catch (failed) {
      setProblem({ failed });
    } finally {
      setSending(false);
    }
  };

  // Enter adds a line; Ctrl+Enter (⌘+Enter) sends, as in most chats.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
  };

  const problemText =
    problem === null
      ? null
      : typeof problem === 'string'
        ? t(`studentLog.message.${problem}`)
        : errorMessage(t, problem.failed);

  return (
    <form className="message-form" onSubmit={submit} noValidate aria-busy={sending}>
      <label htmlFor="message-to-proctor">{t('studentLog.message.label')}</label>
      <textarea
        id="message-to-proctor"
        rows={3}
        value={draft}
        readOnly={sending}
        aria-invalid={problem !== null && typeof problem === 'string'}
        aria-describedby={problem ? 'message-hint message-problem' : 'message-hint'}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="message-hint" className="hint">
        {t('studentLog.message.hint', { used: draft.trim().length })}
      </p>
      {problemText && (
        <p id="message-problem" className="notice notice-error" role="alert">
          {problemText}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={sending}>
        {sending ? t('studentLog.message.sending') : t('studentLog.message.send')}
      </button>
    </form>
  );
}
