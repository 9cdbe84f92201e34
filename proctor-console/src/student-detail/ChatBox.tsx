import type { LogEntry } from '@adal/shared';
import { useAuth } from '@adal/shared/web';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './error-text.js';

interface ChatBoxProps {
  sittingId: string;
  studentId: string;
  onSent: (entry: LogEntry) => void;
}

/** Writing to the student: the message lands in their Chat&log (and in this one) at once. */
export function ChatBox({ sittingId, studentId, onSent }: ChatBoxProps) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const { callApi } = useAuth();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || pending) return;
    setPending(true);
    setError(null);
    callApi('messageStudent', { params: { sittingId, studentId }, body: { text: message } }).then(
      (entry) => {
        setPending(false);
        setText('');
        onSent(entry);
      },
      (caught: unknown) => {
        setPending(false);
        setError(failureText(caught));
      },
    );
  };

  return (
    <form className="sd-chat" onSubmit={send}>
      <label htmlFor={fieldId} className="visually-hidden">
        {t('studentDetail.chat.field')}
      </label>
      <textarea
        id={fieldId}
        rows={2}
        maxLength={2000}
        value={text}
        placeholder={t('studentDetail.chat.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter sends, Shift+Enter starts a new line, as in chat apps.
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <button type="submit" className="button-primary" disabled={pending || text.trim() === ''}>
        {pending ? t('studentDetail.dialog.sending') : t('studentDetail.chat.send')}
      </button>
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
