import type { MakeUpApplicationView } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ApplicationCard } from './ApplicationCard.js';

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

const ID = '00000000-0000-4000-8000-0000000000a1';
const pending: MakeUpApplicationView = {
  applicationId: ID,
  sitting: {
    sittingId: '00000000-0000-4000-8000-000000000001',
    kind: 'state_exam',
    discipline: { id: '00000000-0000-4000-8000-00000000000d', code: 'SE-01', name: 'Мемлекеттік емтихан' },
    group: { id: '00000000-0000-4000-8000-00000000000e', name: 'ИС-22-1' },
    startsAt: '2026-06-01T05:00:00.000Z',
  },
  student: { studentId: '00000000-0000-4000-8000-0000000000b1', fullName: 'Әлиев Арман' },
  reason: 'illness',
  explanation: 'Дәрігер анықтамасы қоса беріледі.',
  evidence: { fileName: 'анықтама.pdf', mimeType: 'application/pdf', sizeBytes: 1_500_000 },
  reviewer: 'commission_chair',
  status: 'pending',
  submittedAt: '2026-06-01T09:00:00.000Z',
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  makeUpSitting: null,
};
const noop = () => {};

describe('a make-up application in the console', () => {
  it('shows the student, the reason, the explanation, the evidence link and the decision buttons', () => {
    const html = render(<ApplicationCard application={pending} onDecided={noop} onStale={noop} />);
    expect(html).toContain('Әлиев Арман');
    expect(html).toContain('Illness');
    expect(html).toContain('Дәрігер анықтамасы қоса беріледі.');
    expect(html).toContain(`href="/api/make-up-applications/${ID}/evidence"`);
    expect(html).toContain('Open анықтама.pdf (1.5 MB)');
    expect(html).toContain('Approve…');
    expect(html).toContain('Reject…');
  });

  it('shows a decision instead of the form once decided', () => {
    const approved = {
      ...pending,
      status: 'approved' as const,
      decidedAt: '2026-06-02T09:00:00.000Z',
      decidedBy: 'Төраға Серік',
      decisionNote: '14-к бұйрығы',
      makeUpSitting: {
        sittingId: '00000000-0000-4000-8000-000000000002',
        startsAt: '2026-06-10T05:00:00.000Z',
      },
    };
    const html = render(<ApplicationCard application={approved} onDecided={noop} onStale={noop} />, 'ru');
    expect(html).toContain('Одобрено');
    expect(html).toContain('Төраға Серік');
    expect(html).toContain('14-к бұйрығы');
    expect(html).not.toContain('Одобрить…');
  });
});
