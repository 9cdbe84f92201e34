import { AuthProvider, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { PoolImportOutcomeView, PoolImportProgress } from './PoolImportOutcome.js';
import type { PoolImportOutcome } from './pool-import.js';

function render(node: ReactNode, language: 'en' | 'ru' | 'kk' = 'en'): string {
  const i18n = createI18n(language);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AuthProvider>
        <LanguageProvider i18n={i18n}>{node}</LanguageProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}

const view = (outcome: PoolImportOutcome, language?: 'en' | 'ru' | 'kk') =>
  render(
    <PoolImportOutcomeView
      fileName="билеттер.csv"
      title="Алгоритмдер"
      outcome={outcome}
      onAnother={() => undefined}
      onShow={() => undefined}
    />,
    language,
  );

describe('the import outcome', () => {
  it('shows an imported pool’s counts and how its file was read', () => {
    const html = view({
      kind: 'imported',
      result: {
        poolId: 'aaaaaaaa-0000-4000-8000-000000000001',
        format: 'csv',
        encoding: 'windows-1251',
        counts: { tickets: 25, questions: { min: 2, max: 3, total: 70 } },
      },
    });
    expect(html).toContain('“Алгоритмдер” is imported.');
    expect(html).toContain('<dd data-testid="imported-tickets">25</dd>');
    expect(html).toContain('<dd data-testid="imported-questions">2–3</dd>');
    expect(html).toContain('<dd data-testid="imported-read-as">CSV, Windows-1251</dd>');
  });

  it('lists each bad line with its reasons, in English, and says so in Kazakh', () => {
    const html = view(
      {
        kind: 'rejected',
        truncated: true,
        lines: [
          { line: 3, messages: ['the ticket cell is empty'] },
          { line: 9, messages: ['ticket 2 has no questions', 'an empty question'] },
        ],
      },
      'kk',
    );
    expect(html).toContain('Ештеңе импортталмады');
    expect(html).toContain('<li data-line="9"><span class="import-line">9-жол</span>');
    expect(html).toContain('<li lang="en">an empty question</li>');
    expect(html).toContain('data-testid="pool-rejected-truncated"');
  });

  it('labels the progress bar by phase', () => {
    const html = render(
      <PoolImportProgress progress={{ phase: 'uploading', loaded: 50, total: 200 }} />,
      'ru',
    );
    expect(html).toContain('aria-label="Ход импорта"');
    expect(html).toContain('value="25"');
    expect(html).toContain('Загрузка: 25 %');
    expect(render(<PoolImportProgress progress={{ phase: 'checking' }} />)).toContain(
      'Checking the tickets…',
    );
  });
});
