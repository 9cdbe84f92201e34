import type { AnswerResponse, PaperQuestion } from '@adal/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionAnswer } from './answer-sync.js';
import { toggleOption } from './answers.js';
import { ShortAnswerInput } from './ShortAnswerInput.js';

interface QuestionCardProps {
  question: PaperQuestion;
  number: number;
  total: number;
  answer: QuestionAnswer | undefined;
  disabled: boolean;
  onChange(response: AnswerResponse): void;
}

/** One question: its stem, the inputs its kind needs, and where its answer is on the way to the server. */
export function QuestionCard({ question, number, total, answer, disabled, onChange }: QuestionCardProps) {
  const { t } = useTranslation();
  const [typing, setTyping] = useState(false);
  const titleId = `question-${question.questionId}-title`;
  return (
    <section
      className="card question"
      aria-labelledby={titleId}
      data-question-id={question.questionId}
      data-kind={question.kind}
    >
      <div className="question-head">
        <h2 id={titleId} tabIndex={-1}>
          {t('test.runner.questionOf', { number, total })}
        </h2>
        <SaveStatus answer={answer} typing={typing} />
      </div>
      <p className="question-stem">{question.stem}</p>
      {question.kind === 'short_answer' ? (
        <ShortAnswerInput
          questionId={question.questionId}
          saved={answer?.response[0] ?? ''}
          disabled={disabled}
          hint={t('test.runner.kinds.short_answer')}
          onChange={onChange}
          onTyping={setTyping}
        />
      ) : (
        <ChoiceInput
          question={question}
          response={answer?.response}
          disabled={disabled}
          onChange={onChange}
        />
      )}
    </section>
  );
}

function ChoiceInput({
  question,
  response,
  disabled,
  onChange,
}: {
  question: PaperQuestion;
  response: AnswerResponse | undefined;
  disabled: boolean;
  onChange(response: AnswerResponse): void;
}) {
  const { t } = useTranslation();
  const multiple = question.kind === 'multiple';
  // true/false options are the ids 'true' and 'false': shown in the interface language.
  const label = (option: PaperQuestion['options'][number]) =>
    question.kind === 'true_false' && (option.id === 'true' || option.id === 'false')
      ? t(`test.runner.trueFalse.${option.id}`)
      : option.text;
  return (
    <fieldset className="options" disabled={disabled}>
      <legend>{t(`test.runner.kinds.${question.kind}`)}</legend>
      {question.options.map((option) => {
        const checked = response?.includes(option.id) ?? false;
        return (
          <label key={option.id} className="option" data-checked={checked}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`answer-${question.questionId}`}
              value={option.id}
              checked={checked}
              onChange={(event) =>
                onChange(
                  multiple ? toggleOption(question, response, option.id, event.target.checked) : [option.id],
                )
              }
            />
            <span>{label(option)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function SaveStatus({ answer, typing }: { answer: QuestionAnswer | undefined; typing: boolean }) {
  const { t } = useTranslation();
  const state = typing ? 'typing' : answer ? answer.state : 'none';
  return (
    <p className="save-state" data-state={state} role="status">
      {t(`test.runner.save.${state}`)}
    </p>
  );
}
