import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface QuestionFormProps {
  studentName: string;
  busy: boolean;
  onAsk(text: string): Promise<boolean>;
}

/** The secretary writes a question; the student sees it at once (when the sound fails). */
export function QuestionForm({ studentName, busy, onAsk }: QuestionFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const question = text.trim();
    if (question && (await onAsk(question))) setText('');
  };
  return (
    <form className="defence-question-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor="defence-question">{t('thesisDefence.questions.label', { name: studentName })}</label>
      <textarea
        id="defence-question"
        name="question"
        rows={3}
        maxLength={2000}
        value={text}
        aria-describedby="defence-question-hint"
        onChange={(e) => setText(e.target.value)}
      />
      <p id="defence-question-hint" className="muted">
        {t('thesisDefence.questions.hint')}
      </p>
      <button type="submit" className="button-primary" disabled={busy || !text.trim()}>
        {t('thesisDefence.questions.send')}
      </button>
    </form>
  );
}
