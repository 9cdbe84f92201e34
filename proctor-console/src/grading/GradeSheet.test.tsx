import { defaultPolicies, type GradeRow, type SittingGrades, type SittingWithRoster } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { GradeSheet } from './GradingPage.js';

/** Rendered on the server side of React: no effects run, so no API call is made. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

const SITTING = 'aaaaaaaa-0000-4000-8000-000000000001';
const PUBLISH_BY = '2026-11-23T11:30:00.000Z';
const NOW = Date.parse('2026-11-23T09:00:00.000Z');

const sittingOf = (kind: SittingWithRoster['kind']): SittingWithRoster => ({
  sittingId: SITTING,
  discipline: { id: 'bbbbbbbb-0000-4000-8000-000000000001', code: 'CSE 201', name: 'Algorithms' },
  group: { id: 'cccccccc-0000-4000-8000-000000000001', name: 'CS-22-1' },
  kind,
  controlKind: 'exam',
  startsAt: '2026-11-22T05:00:00.000Z',
  durationMinutes: 120,
  policies: defaultPolicies(kind),
  makeUpOf: null,
  students: [],
});

const base = {
  ticketNumber: null,
  sheetPages: 0,
  sheetsAccepted: 0,
  finished: false,
  grade: null,
  comment: '',
  gradedByName: null,
  gradedAt: null,
  publishedAt: null,
} satisfies Partial<GradeRow>;

const rows: GradeRow[] = [
  {
    ...base,
    studentId: '10000000-0000-4000-8000-000000000001',
    fullName: 'Әлиев Арман',
    ticketNumber: 7,
    sheetPages: 3,
    sheetsAccepted: 2,
    finished: true,
    grade: { percent: 87.5, letter: 'B+', gpaPoints: 3.33, traditional: 'good' },
    comment: 'The second question lacks a proof.',
    gradedByName: 'Проктор Айгүл',
    gradedAt: '2026-11-22T10:00:00.000Z',
  },
  {
    ...base,
    studentId: '10000000-0000-4000-8000-000000000002',
    fullName: 'Бекова Дана',
    grade: { percent: 95, letter: 'A', gpaPoints: 4, traditional: 'excellent' },
    gradedByName: 'Проктор Айгүл',
    gradedAt: '2026-11-22T10:05:00.000Z',
    publishedAt: '2026-11-22T12:00:00.000Z',
  },
  { ...base, studentId: '10000000-0000-4000-8000-000000000003', fullName: 'Жұмабек Ерлан' },
];

function render({
  kind = 'written',
  editable = true,
  language = 'en',
  publishBy = PUBLISH_BY,
  now = NOW,
}: {
  kind?: SittingWithRoster['kind'];
  editable?: boolean;
  language?: 'en' | 'ru' | 'kk';
  publishBy?: string | null;
  now?: number;
} = {}): string {
  const i18n = createI18n(language);
  const grades: SittingGrades = { sittingId: SITTING, rows, publishBy, unpublished: 1 };
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AuthProvider api={neverCalled}>
        <LanguageProvider i18n={i18n}>
          <MemoryRouter>
            <GradeSheet
              sitting={sittingOf(kind)}
              grades={grades}
              editable={editable}
              onRow={() => undefined}
              onReload={() => undefined}
              now={now}
            />
          </MemoryRouter>
        </LanguageProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}

/** The visible text, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the grade sheet', () => {
  it('gives the examiner a labelled percent, comment and Save per student, with the scale’s grade', () => {
    const html = render();
    expect(html).toContain('aria-label="Percent for Әлиев Арман"');
    expect(html).toContain('aria-label="Comment for Бекова Дана"');
    expect(html).toContain('aria-label="Save the grade of Жұмабек Ерлан"');
    expect(html).toContain('value="87.5"');
    expect(text(html)).toContain('B+ · 3.33 · Good');
    expect(text(html)).toContain('7');
    expect(text(html)).toContain('3 pages, 2 accepted');
    expect(text(html)).toContain('not drawn');
    // Nothing changed yet: every Save is disabled.
    expect(html.match(/<button[^>]*disabled=""[^>]*aria-label="Save the grade/g)).toHaveLength(3);
    expect(text(html)).toContain('Graded: 2 of 3, published: 1, not yet published: 1');
    expect(html).toMatch(/data-testid="publish-grades"[^>]*>Publish grades</);
  });

  it('shows the publish-by deadline with the time left, red once overdue while grades wait', () => {
    const open = render();
    expect(open).toMatch(/data-testid="publish-by" data-state="open"/);
    expect(text(open)).toContain('2 h 30 min left');
    const late = render({ now: Date.parse('2026-11-24T12:30:00.000Z') });
    expect(late).toMatch(
      /class="notice notice-error grading-deadline" data-testid="publish-by" data-state="overdue"/,
    );
    expect(text(late)).toContain('Overdue by 1 d 1 h');
    // Oral exams have no deadline.
    expect(render({ kind: 'oral', publishBy: null })).not.toContain('publish-by');
  });

  it('is read-only for commissions and the dean’s office', () => {
    const commission = render({ kind: 'state_exam', editable: false, publishBy: null });
    expect(commission).not.toContain('<input');
    expect(commission).not.toContain('<textarea');
    expect(commission).not.toContain('publish-grades');
    expect(text(commission)).toContain('The commission grades state exams and thesis defences');
    expect(text(commission)).toContain('87.5 % B+ · 3.33 · Good');
    expect(text(commission)).toContain('The second question lacks a proof.');
    expect(text(render({ editable: false }))).toContain('Your role can view the grades');
  });

  it('has every text in Kazakh and Russian', () => {
    for (const language of ['kk', 'ru'] as const) {
      const html = render({ language, now: Date.parse('2026-11-24T12:30:00.000Z') });
      expect(html).not.toMatch(/grading\.|appeals\./);
      expect(text(html)).not.toContain('Percent for');
    }
    expect(text(render({ language: 'ru' }))).toContain('Оценено: 2 из 3');
    expect(render({ language: 'kk' })).toContain('aria-label="Әлиев Арман: пайыз"');
  });
});
