import type { AnswerResponse } from '@adal/shared';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortAnswerResponse } from './answers.js';

/** Typing is saved after a short pause, not on every key (and at once when the field is left). */
const DEBOUNCE_MS = 500;
/** The server's limit (save-answer.ts). */
const MAX_LENGTH = 500;

interface ShortAnswerInputProps {
  questionId: string;
  saved: string;
  disabled: boolean;
  hint: string;
  onChange(response: AnswerResponse): void;
  onTyping(typing: boolean): void;
}

export function ShortAnswerInput({
  questionId,
  saved,
  disabled,
  hint,
  onChange,
  onTyping,
}: ShortAnswerInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved);
  const unsent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ onChange, onTyping });
  useLayoutEffect(() => {
    latest.current = { onChange, onTyping };
  });

  const commit = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (unsent.current === null) return;
    const value = unsent.current;
    unsent.current = null;
    latest.current.onChange(shortAnswerResponse(value));
    latest.current.onTyping(false);
  }, []);

  // Leaving the question (or the page) sends what was typed.
  useEffect(() => commit, [commit]);
  // What the server holds changed (a reload, another tab) while nothing is being typed here.
  useEffect(() => {
    if (unsent.current === null) setText(saved);
  }, [saved]);

  const id = `answer-${questionId}`;
  return (
    <div className="short-answer">
      <label htmlFor={id}>{t('test.runner.shortAnswer')}</label>
      <input
        id={id}
        type="text"
        value={text}
        maxLength={MAX_LENGTH}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          unsent.current = event.target.value;
          latest.current.onTyping(true);
          clearTimeout(timer.current);
          timer.current = setTimeout(commit, DEBOUNCE_MS);
        }}
        onBlur={commit}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
