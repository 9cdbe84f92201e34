import type { CommissionGrading, CommissionRow, CommissionViewer } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { CommissionBoard } from './CommissionPage.js';

/** Rendered on the server side of React: no effects run, so no API call is made. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

const SITTING = 'aaaaaaaa-0000-4000-8000-000000000001';
const CHAIR = '20000000-0000-4000-8000-000000000001';
const MEMBER = '20000000-0000-4000-8000-000000000002';
const SECRETARY = '20000000-0000-4000-8000-000000000003';

const base = {
  ticketNumber: null,
  myScore: null,
  scoredCount: 0,
  scores: null,
  mean: null,
  grade: null,
  fixedAt: null,
  fixReason: null,
  publishedAt: null,
} satisfies Partial<CommissionRow>;
const at = '2026-06-12T06:00:00.000Z';

/** Three students: scored by both (open), fixed with a reason, announced. As the chair sees them. */
const chairRows: CommissionRow[] = [
  {
    ...base,
    studentId: '10000000-0000-4000-8000-000000000001',
    fullName: 'Әлиев Арман',
    ticketNumber: 7,
    myScore: { memberId: CHAIR, percent: 90, comment: '', scoredAt: at },
    scoredCount: 2,
    scores: [
      { memberId: CHAIR, percent: 90, comment: '', scoredAt: at },
      { memberId: MEMBER, percent: 71.5, comment: 'Екінші сұрақ әлсіз.', scoredAt: at },
    ],
    mean: 80.75,
  },
  {
    ...base,
    studentId: '10000000-0000-4000-8000-000000000002',
    fullName: 'Бекова Дана',
    scoredCount: 2,
    scores: [
      { memberId: CHAIR, percent: 50, comment: '', scoredAt: at },
      { memberId: MEMBER, percent: 55, comment: '', scoredAt: at },
    ],
    mean: 52.5,
    grade: { percent: 60, letter: 'C-', gpaPoints: 1.67, traditional: 'satisfactory' },
    fixedAt: at,
    fixReason: 'Қосымша сұраққа жауап берді.',
  },
  {
    ...base,
    studentId: '10000000-0000-4000-8000-000000000003',
    fullName: 'Жұмабек Ерлан',
    scoredCount: 2,
    scores: [],
    mean: 95,
    grade: { percent: 95, letter: 'A', gpaPoints: 4, traditional: 'excellent' },
    fixedAt: at,
    publishedAt: '2026-06-12T09:00:00.000Z',
  },
];

/** A member sees the open row's scores hidden, and only their own score. */
const memberRows: CommissionRow[] = chairRows.map((r, i) =>
  i === 0
    ? {
        ...r,
        myScore: { memberId: MEMBER, percent: 71.5, comment: 'Екінші сұрақ әлсіз.', scoredAt: at },
        scores: null,
        mean: null,
      }
    : r,
);

function render(viewer: CommissionViewer, language: 'en' | 'ru' | 'kk' = 'en', announced = false): string {
  const i18n = createI18n(language);
  const grading: CommissionGrading = {
    sittingId: SITTING,
    viewer,
    commission: {
      name: 'МАК: 6B06102 Ақпараттық жүйелер',
      people: [
        { userId: CHAIR, fullName: 'Тұрсынов Бақыт Әбдіұлы', seat: 'chair' },
        { userId: MEMBER, fullName: 'Есімова Гүлмира Нұрланқызы', seat: 'member' },
        { userId: SECRETARY, fullName: 'Дәулетова Айнұр Серікқызы', seat: 'secretary' },
      ],
    },
    protocol: { protocolNumber: '12/МАК', protocolDate: '2026-06-12', announcedAt: announced ? at : null },
    rows: viewer === 'member' ? memberRows : chairRows,
  };
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AuthProvider api={neverCalled}>
        <LanguageProvider i18n={i18n}>
          <MemoryRouter>
            <CommissionBoard grading={grading} onUpdate={() => undefined} onReload={() => undefined} />
          </MemoryRouter>
        </LanguageProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}

/** The visible text, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the commission’s grading page', () => {
  it('gives a member their own score inputs and hides the others’ scores until the grade is fixed', () => {
    const html = render('member');
    expect(html).toContain('aria-label="My score: Әлиев Арман"');
    expect(html).toContain('aria-label="My comment: Әлиев Арман"');
    expect(html).toContain('aria-label="Save my score: Әлиев Арман"');
    expect(html).toContain('value="71.5"');
    expect(text(html)).toContain('Scored by 2 of 2');
    expect(text(html)).toContain('Hidden until the grade is fixed');
    // The open row shows nothing of the chair's 90; fixed rows show every score.
    const open = html.slice(html.indexOf('Әлиев Арман'), html.indexOf('Бекова Дана'));
    expect(open).not.toContain('>90<');
    expect(text(html)).toContain('Final grade fixed: scores locked');
    expect(html).not.toContain('data-testid="fix-grade"');
    expect(html).not.toContain('data-testid="announce-grades"');
    expect(html).not.toContain('name="protocolNumber"');
    expect(text(html)).toContain('Protocol No. 12/МАК of 12.06.2026');
    expect(html).toContain('data-testid="protocol-pdf-kk"');
    expect(html).toContain(
      '/api/sittings/aaaaaaaa-0000-4000-8000-000000000001/commission/protocol/file?lang=ru',
    );
  });

  it('shows the chair every score, the mean, the fix controls and Announce with the count', () => {
    const html = render('chair');
    expect(text(html)).toContain('Тұрсынов Б. Ә.: 90');
    expect(text(html)).toContain('Есімова Г. Н.: 71.5 — Екінші сұрақ әлсіз.');
    expect(text(html)).toContain('80.75 %');
    expect(html).toContain('aria-label="Final percent: Әлиев Арман"');
    expect(html).toContain('value="80.75"');
    expect(html).toMatch(/<button[^>]*aria-label="Fix the final grade: Әлиев Арман"/);
    // Fixed at 60 against the mean 52.5: the reason is asked and shown.
    expect(html).toContain('aria-label="Reason the final grade differs from the mean: Бекова Дана"');
    expect(text(html)).toContain('Differs from the mean 52.5');
    // Announced: read-only in every column.
    expect(html).not.toContain('aria-label="Final percent: Жұмабек Ерлан"');
    expect(text(html)).toContain('95 % A · 4.00 · Excellent');
    expect(html).toMatch(/data-testid="announce-grades"[^>]*>Announce grades</);
    expect(text(html)).toContain('Grades to announce: 1');
    expect(text(html)).toContain('Students without a fixed final grade: 1');
    expect(html).toContain('name="protocolNumber"');
    expect(text(html)).toContain('Final grades fixed: 2 of 3, announced: 1');
  });

  it('lets the secretary enter the protocol, without scores or fixing; admins only read', () => {
    const secretary = render('secretary');
    expect(secretary).toContain('name="protocolNumber"');
    expect(secretary).toContain('value="12/МАК"');
    expect(secretary).not.toContain('My score');
    expect(secretary).not.toContain('data-testid="fix-grade"');
    const admin = render('admin');
    expect(admin).not.toContain('<input');
    expect(admin).not.toContain('<textarea');
    expect(text(admin)).toContain('Read-only');
    // After the announcement nobody edits the protocol.
    const final = render('chair', 'en', true);
    expect(final).not.toContain('name="protocolNumber"');
    expect(final).toContain('data-testid="protocol-final"');
  });

  it('has every text in Kazakh and Russian', () => {
    for (const viewer of ['chair', 'member', 'secretary', 'admin'] as const)
      for (const language of ['kk', 'ru'] as const) {
        const html = render(viewer, language);
        expect(html).not.toMatch(/commission\.|grading\.|appeals\./);
        expect(text(html)).not.toMatch(/My score|Final grade|Protocol No/);
      }
    expect(text(render('chair', 'ru'))).toContain('Протокол № 12/МАК от 12.06.2026');
    expect(render('member', 'kk')).toContain('aria-label="Менің бағам: Әлиев Арман"');
  });
});
