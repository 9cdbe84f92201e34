import type { PaperQuestion } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import type { QuestionAnswer } from './answer-sync.js';
import { isAnswered } from './answers.js';

interface QuestionStripProps {
  questions: readonly PaperQuestion[];
  answers: ReadonlyMap<string, QuestionAnswer>;
  /** The question shown, or null when all are shown. */
  current: number | null;
  onSelect(index: number): void;
}

/** The question strip (seed 002): jump to any question; answered, current and unsent at a glance. */
export function QuestionStrip({ questions, answers, current, onSelect }: QuestionStripProps) {
  const { t } = useTranslation();
  return (
    <nav className="question-strip-nav" aria-label={t('test.runner.questions')}>
      <ol className="question-strip">
        {questions.map((question, index) => {
          const answer = answers.get(question.questionId);
          const answered = isAnswered(answer?.response);
          const save = answer && answer.state !== 'saved' ? answer.state : null;
          const state = [
            answered ? t('test.runner.answeredState') : t('test.runner.unansweredState'),
            index === current ? t('test.runner.current') : null,
            save ? t(`test.runner.save.${save}`) : null,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={question.questionId}>
              <button
                type="button"
                className="strip-item"
                data-answered={answered}
                data-save={save ?? 'saved'}
                aria-current={index === current ? 'step' : undefined}
                aria-label={t('test.runner.stripItem', { number: index + 1, state })}
                onClick={() => onSelect(index)}
              >
                {index + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="hint">{t('test.runner.legend')}</p>
    </nav>
  );
}
