import type { TicketPoolSummary, TicketSitting } from '@adal/shared';
import { AuthProvider, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ExamPools } from './ExamPools.js';

const SMALL: TicketPoolSummary = {
  poolId: 'aaaaaaaa-0000-4000-8000-000000000001',
  title: 'Алгоритмдер — 10 билет',
  counts: { tickets: 10, questions: { min: 3, max: 3, total: 30 } },
  createdAt: '2026-06-01T09:00:00.000Z',
  sittings: 1,
};
const LARGE: TicketPoolSummary = {
  ...SMALL,
  poolId: 'aaaaaaaa-0000-4000-8000-000000000002',
  title: 'Үлкен',
  counts: { tickets: 40, questions: { min: 2, max: 3, total: 100 } },
};

const written: TicketSitting = {
  sittingId: 'ssssssss-0000-4000-8000-000000000001',
  kind: 'written',
  group: { id: 'gggggggg-0000-4000-8000-000000000001', name: 'ИС-21-1' },
  startsAt: '2026-06-10T04:00:00.000Z',
  durationMinutes: 120,
  students: 30,
  ticketPoolId: SMALL.poolId,
  drawStarted: false,
};
const oral: TicketSitting = {
  ...written,
  sittingId: 'ssssssss-0000-4000-8000-000000000002',
  kind: 'oral',
  drawStarted: true,
};

function render(sittings: TicketSitting[], language: 'en' | 'ru' | 'kk' = 'en'): string {
  const i18n = createI18n(language);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AuthProvider>
        <LanguageProvider i18n={i18n}>
          <MemoryRouter>
            <ExamPools sittings={sittings} pools={[LARGE, SMALL]} onAttached={() => undefined} />
          </MemoryRouter>
        </LanguageProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}

describe('ExamPools', () => {
  it('offers the other pools with a labelled select while the draw has not begun, and warns of repeats', () => {
    const html = render([written]);
    expect(html).toContain('Pool for ИС-21-1, Written exam');
    expect(html).toContain(`<option value="${LARGE.poolId}">Үлкен (40)</option>`);
    expect(html).not.toContain(`<option value="${SMALL.poolId}"`);
    expect(html).toContain('Fewer tickets (10) than students (30)');
  });

  it('shows a locked exam without a way to change its pool', () => {
    const html = render([oral]);
    expect(html).toContain('data-draw-started="true"');
    expect(html).toContain('The draw has begun: the pool is fixed.');
    expect(html).not.toContain('<select');
  });

  it('speaks Kazakh and Russian, and says when there is no exam to come', () => {
    expect(render([oral], 'kk')).toContain('Билет тарту басталды: жинақ бекітілген.');
    expect(render([oral], 'ru')).toContain('Выбор билетов начался: набор зафиксирован.');
    expect(render([])).toContain('This discipline has no written, oral or state exams to come.');
  });
});
