import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** On finishing (seed 002): "Do you want to file an appeal?" Yes opens the appeal page, No stays here. */
export function AppealPrompt({ appealPath, onNo }: { appealPath: string; onNo(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="notice notice-info appeal-prompt" aria-labelledby="appeal-question">
      <h2 id="appeal-question" ref={heading} tabIndex={-1}>
        {t('test.appeal.question')}
      </h2>
      <div className="step-actions">
        <button type="button" className="button-primary" onClick={() => navigate(appealPath)}>
          {t('test.appeal.yes')}
        </button>
        <button type="button" className="button-secondary" onClick={onNo}>
          {t('test.appeal.no')}
        </button>
      </div>
    </section>
  );
}
