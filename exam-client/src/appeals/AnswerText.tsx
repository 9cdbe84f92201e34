import type { AppealPage } from '@adal/shared';
import { useTranslation } from 'react-i18next';
import { answerTexts } from './answer-text.js';

/** "Your answer: …" in the words the student saw. */
export function AnswerText({
  question,
}: {
  question: Pick<AppealPage['wrong'][number], 'kind' | 'options' | 'response'>;
}) {
  const { t } = useTranslation();
  const texts = answerTexts(question, (value) => t(`appeals.trueFalse.${value}`));
  return (
    <div className="appeal-answer" data-testid="your-answer">
      <span className="appeal-term">{t('appeals.page.yourAnswer')}</span>
      {texts.length === 0 ? (
        <p className="muted">{t('appeals.page.noAnswer')}</p>
      ) : (
        <ul>
          {texts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
