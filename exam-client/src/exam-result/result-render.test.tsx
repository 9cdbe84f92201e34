import type { StudentExamResult } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ExamResultView } from './ExamResultView.js';

const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

function render(node: ReactNode, language: 'en' | 'kk' | 'ru' = 'en') {
  const i18n = createI18n(language);
  return renderToStaticMarkup(
    <AuthProvider api={neverCalled}>
      <I18nextProvider i18n={i18n}>
        <LanguageProvider i18n={i18n}>{node}</LanguageProvider>
      </I18nextProvider>
    </AuthProvider>,
  );
}

const SITTING = '00000000-0000-4000-8000-000000000001';
const unpublished: StudentExamResult = {
  sittingId: SITTING,
  published: false,
  grade: null,
  comment: null,
  publishedAt: null,
};
const published: StudentExamResult = {
  sittingId: SITTING,
  published: true,
  grade: { percent: 87.5, letter: 'B+', gpaPoints: 3.33, traditional: 'good' },
  comment: 'Clear answers; the second question lacks an example.',
  publishedAt: '2026-06-11T08:00:00.000Z',
};

describe('the exam result', () => {
  it('waits for the examiner before publication', () => {
    const html = render(<ExamResultView result={unpublished} />);
    expect(html).toContain('Your grade will be published by the examiner.');
    expect(html).not.toContain('Letter grade');
  });

  it('shows the grade on the scale and the examiner’s comment once published', () => {
    const html = render(<ExamResultView result={published} />);
    expect(html).toContain('data-letter="B+"');
    expect(html).toContain('<dd>87.5 %</dd>');
    expect(html).toContain('<dd>B+</dd>');
    expect(html).toContain('<dd>3.33</dd>');
    expect(html).toContain('<dd>Good</dd>');
    expect(html).toContain('Examiner’s comment');
    expect(html).toContain('the second question lacks an example');
  });

  it('speaks Russian, with its decimal comma', () => {
    const html = render(<ExamResultView result={published} />, 'ru');
    expect(html).toContain('<dd>87,5 %</dd>');
    expect(html).toContain('Комментарий экзаменатора');
    expect(render(<ExamResultView result={unpublished} />, 'kk')).toContain(
      'Бағаңызды емтихан алушы жариялайды.',
    );
  });
});
