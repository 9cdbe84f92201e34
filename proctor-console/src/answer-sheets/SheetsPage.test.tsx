import type { AnswerSheetSet } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { row, SITTING, STUDENT, sheet, sheetSet } from './fixtures.js';
import { SheetsBody } from './SheetsPage.js';
import type { SheetGallery } from './use-sheet-gallery.js';

/** Rendered on the server side of React: no effects run, so no socket or API call is made. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};
const noop = () => {};

const chosen = row(1, 'Нұрланқызы Айгерім', {
  studentId: STUDENT,
  pages: 3,
  pending: 1,
  accepted: 1,
  rejected: 1,
  blurred: 1,
  lastUploadAt: '2026-06-01T10:03:00.000Z',
});
const done = row(2, 'Абаев Арман', { pages: 2, accepted: 2 });
const waiting = row(3, 'Бекова Дана', { pages: 1, pending: 1, lastUploadAt: '2026-06-01T10:01:00.000Z' });

const earlier = sheet(2, {
  id: '20000000-0000-4000-8000-0000000000e2',
  status: 'rejected',
  rejectReason: 'other',
  rejectNote: 'The page number is missing',
  uploadedAt: '2026-06-01T09:50:00.000Z',
  reviewedAt: '2026-06-01T09:55:00.000Z',
  reviewedByName: 'Проктор Бауыржан',
});
const pages = [
  sheet(1, {
    status: 'accepted',
    reviewedAt: '2026-06-01T10:05:00.000Z',
    reviewedByName: 'Проктор Бауыржан',
  }),
  sheet(2, { blurred: true, sharpness: 61.7 }),
  sheet(3, { status: 'rejected', rejectReason: 'cut_off' }),
];

function gallery(set: AnswerSheetSet | null): SheetGallery {
  return {
    list: { state: { status: 'ready', data: [done, chosen, waiting] }, reload: noop, update: noop },
    set: { state: { status: 'ready', data: set }, reload: noop, update: noop },
    live: true,
    refreshFailed: false,
    applyReviewed: noop,
    reloadStudent: noop,
  };
}

function render({
  canReview,
  canPermitLeave = canReview,
  set = sheetSet(pages, [earlier]),
  studentId = STUDENT,
  language = 'en',
}: {
  canReview: boolean;
  canPermitLeave?: boolean;
  set?: AnswerSheetSet | null;
  studentId?: string | null;
  language?: 'en' | 'ru' | 'kk';
}): string {
  const i18n = createI18n(language);
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={i18n}>
        <MemoryRouter>
          <SheetsBody
            sittingId={SITTING}
            studentId={studentId}
            gallery={gallery(set)}
            canReview={canReview}
            canPermitLeave={canPermitLeave}
            onSelect={noop}
          />
        </MemoryRouter>
      </LanguageProvider>
    </AuthProvider>,
  );
}

/** The visible text, tags removed. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
/** The accessible names of the buttons: aria-label when there is one, else the text. */
const buttonNames = (html: string) =>
  [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(
    (m) => m[1]?.match(/aria-label="([^"]*)"/)?.[1] ?? text(m[2] ?? '').trim(),
  );

describe('the answer-sheet gallery', () => {
  it('lists the students with pages to check first, the chosen one pressed', () => {
    const html = render({ canReview: true });
    const order = [...html.matchAll(/<tr data-student-id="([^"]+)" data-attention="([a-z]+)"/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(order).toEqual([
      [waiting.studentId, 'pending'],
      [chosen.studentId, 'pending'],
      [done.studentId, 'accepted'],
    ]);
    expect(html).toContain('<caption class="visually-hidden">Students</caption>');
    expect(html).toMatch(/aria-label="Answer sheets of Нұрланқызы Айгерім" aria-pressed="true"/);
    expect(html).toMatch(/aria-label="Answer sheets of Абаев Арман" aria-pressed="false"/);
  });

  it('shows each page in order with its status, sharpness, the blurred badge and the review buttons', () => {
    const html = render({ canReview: true });
    expect(html).not.toMatch(/sheetsConsole\./);
    const cards = [
      ...html.matchAll(/<li class="sheet-card" data-sheet-id="[^"]+" data-page="(\d)" data-status="(\w+)"/g),
    ];
    expect(cards.map((m) => [m[1], m[2]])).toEqual([
      ['1', 'accepted'],
      ['2', 'pending'],
      ['3', 'rejected'],
    ]);
    const shown = text(html);
    expect(shown).toContain('Pages: 3 · to check: 1 · accepted: 1 · rejected: 1');
    expect(shown).toContain('Sharpness 62');
    expect(shown).toContain('Blurred');
    expect(shown).toContain('Reason: Part of the page is cut off');
    expect(shown).toContain('Checked by Проктор Бауыржан');
    expect(html).toContain(`src="${pages[0]?.thumbnailUrl}"`);
    const names = buttonNames(html);
    expect(names).toEqual(
      expect.arrayContaining([
        'Open page 1',
        'Open page 2',
        'Accept page 2',
        'Reject page 2',
        'Accept page 3',
        'Permit leave',
      ]),
    );
    // An accepted page cannot be accepted again, a rejected one not rejected again.
    expect(html).toMatch(/aria-label="Accept page 1" disabled=""/);
    expect(html).toMatch(/aria-label="Reject page 3" disabled=""/);
    expect(html).not.toMatch(/aria-label="Accept page 2" disabled/);
  });

  it('keeps earlier versions under a closed disclosure, with the reason they were rejected', () => {
    const html = render({ canReview: true });
    expect(html).toMatch(
      /<details class="sheets-replaced" data-testid="replaced"><summary>Earlier versions \(1\)<\/summary>/,
    );
    expect(text(html)).toContain('Reason: Other — The page number is missing');
    expect(buttonNames(html).some((name) => name.startsWith('Open the earlier version of page 2'))).toBe(
      true,
    );
  });

  it('lets the commission check pages but leaves letting the student go to the proctor', () => {
    const html = render({ canReview: true, canPermitLeave: false });
    expect(text(html)).toContain(
      'Letting the student leave is up to the proctor or the technical secretary.',
    );
    const names = buttonNames(html);
    expect(names).toContain('Accept page 2');
    expect(names).not.toContain('Permit leave');
  });

  it('shows no review buttons to whoever may not review', () => {
    const names = buttonNames(render({ canReview: false, canPermitLeave: false }));
    expect(names.filter((n) => /^(Accept|Reject|Permit)/.test(n))).toEqual([]);
    expect(names).toContain('Open page 1');
  });

  it('says when nothing is uploaded, and when the sitting is over for the student', () => {
    const empty = text(render({ canReview: true, set: sheetSet([], [], false) }));
    expect(empty).toContain('The student has not uploaded any pages yet.');
    expect(empty).toContain('The sitting is over for this student: no more uploads.');
    expect(empty).not.toContain('Permit leave');
  });

  it('asks to choose a student when none is chosen, and waits for the right student’s pages', () => {
    expect(text(render({ canReview: true, studentId: null, set: null }))).toContain(
      'Choose a student to see their pages.',
    );
    // The resource still holds the previous student's pages while the chosen one's load.
    const other = render({ canReview: true, studentId: done.studentId });
    expect(other).not.toContain('data-sheet-id');
    expect(other).toContain('role="status"');
  });

  it('is in Russian and Kazakh too', () => {
    const ru = text(render({ canReview: true, language: 'ru' }));
    expect(ru).toContain('Разрешить уйти');
    expect(ru).toContain('Резкость 62');
    expect(ru).toContain('Размыто');
    const kk = render({ canReview: true, language: 'kk' });
    expect(kk).not.toMatch(/sheetsConsole\./);
    expect(text(kk)).toContain('Шығуға рұқсат беру');
    expect(kk).toContain('aria-label="2-бетті қабылдау"');
  });
});
