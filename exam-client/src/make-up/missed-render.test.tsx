import type { MakeUpApplicationView, MissedSitting } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MissedSittingCard } from './MissedSittingCard.js';

/** Rendered on the server side of React: no effects run, so no API call or upload. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

function render(node: ReactNode, language: 'en' | 'kk' | 'ru' = 'en') {
  const i18n = createI18n(language);
  return renderToStaticMarkup(
    <AuthProvider api={neverCalled}>
      <I18nextProvider i18n={i18n}>
        <LanguageProvider i18n={i18n}>
          <MemoryRouter>{node}</MemoryRouter>
        </LanguageProvider>
      </I18nextProvider>
    </AuthProvider>,
  );
}

const SITTING = '00000000-0000-4000-8000-000000000001';
const MAKE_UP = '00000000-0000-4000-8000-000000000002';
const missed: MissedSitting = {
  sittingId: SITTING,
  kind: 'written',
  discipline: { id: '00000000-0000-4000-8000-00000000000d', code: 'ALG-2201', name: 'Алгоритмдер' },
  startsAt: '2026-06-01T05:00:00.000Z',
  reviewer: 'dean_office',
  application: null,
};
const application: MakeUpApplicationView = {
  applicationId: '00000000-0000-4000-8000-0000000000a1',
  sitting: {
    sittingId: SITTING,
    kind: 'written',
    discipline: missed.discipline,
    group: { id: '00000000-0000-4000-8000-00000000000e', name: 'ИС-22-1' },
    startsAt: missed.startsAt,
  },
  student: { studentId: '00000000-0000-4000-8000-0000000000b1', fullName: 'Әлиев Арман' },
  reason: 'power_cut',
  explanation: 'The power was off in the whole district.',
  evidence: { fileName: 'notice.pdf', mimeType: 'application/pdf', sizeBytes: 1200 },
  reviewer: 'dean_office',
  status: 'pending',
  submittedAt: '2026-06-01T09:00:00.000Z',
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  makeUpSitting: null,
};
const noop = () => {};

describe('a missed sitting', () => {
  it('offers the application form with a reason, an explanation and a file checked by type', () => {
    const html = render(<MissedSittingCard missed={missed} onApplied={noop} />);
    expect(html).toContain('Apply for a make-up sitting');
    expect(html).toMatch(/<select id="[^"]+"/);
    for (const reason of ['No internet connection', 'Power cut', 'Illness', 'Family circumstances'])
      expect(html).toContain(reason);
    expect(html).toMatch(
      /<input id="[^"]+" type="file" accept="application\/pdf,image\/jpeg,image\/png,image\/webp/,
    );
    expect(html).toContain('Dean&#x27;s office');
  });

  it('shows a pending application and no form', () => {
    const html = render(<MissedSittingCard missed={{ ...missed, application }} onApplied={noop} />);
    expect(html).toContain('Under review');
    expect(html).not.toContain('type="file"');
  });

  it('after a rejection shows the note and lets the student apply again, in Kazakh too', () => {
    const rejected = {
      ...application,
      status: 'rejected' as const,
      decidedAt: '2026-06-02T09:00:00.000Z',
      decidedBy: 'Деканат қызметкері',
      decisionNote: 'Анықтама емтихан күнін қамтымайды.',
    };
    const html = render(
      <MissedSittingCard missed={{ ...missed, application: rejected }} onApplied={noop} />,
      'kk',
    );
    expect(html).toContain('Қабылданбады');
    expect(html).toContain('Анықтама емтихан күнін қамтымайды.');
    expect(html).toContain('Қайта өтініш беру');
    expect(html).toContain('type="file"');
  });

  it('after an approval links the make-up sitting', () => {
    const approved = {
      ...application,
      status: 'approved' as const,
      decidedAt: '2026-06-02T09:00:00.000Z',
      decidedBy: 'Registrar',
      makeUpSitting: { sittingId: MAKE_UP, startsAt: '2026-06-10T05:00:00.000Z' },
    };
    const html = render(
      <MissedSittingCard missed={{ ...missed, application: approved }} onApplied={noop} />,
      'ru',
    );
    expect(html).toContain('Одобрено');
    expect(html).toContain(`href="/sittings/${MAKE_UP}"`);
    expect(html).toContain('Открыть дополнительный экзамен');
    expect(html).not.toContain('type="file"');
  });
});
