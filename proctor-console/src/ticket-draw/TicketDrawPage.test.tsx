import {
  defaultPolicies,
  type SittingWithRoster,
  TICKET_DRAW_FORMAT,
  type TicketDrawOverview,
  type TicketDrawReveal,
} from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DrawBody } from './TicketDrawPage.js';
import type { TicketDrawState } from './use-ticket-draw.js';

const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};
const noop = () => {};
const SITTING = '00000000-0000-4000-8000-000000000001';
const student = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const COMMITMENT = 'ab'.repeat(32);
const SALT = 'cd'.repeat(32);

const sitting: SittingWithRoster = {
  sittingId: SITTING,
  discipline: { id: '40000000-0000-4000-8000-000000000001', code: 'HIS 1101', name: 'Қазақстан тарихы' },
  group: { id: '50000000-0000-4000-8000-000000000001', name: 'ИС-21' },
  kind: 'oral',
  controlKind: 'exam',
  startsAt: '2026-06-01T09:00:00.000Z',
  durationMinutes: 120,
  policies: defaultPolicies('oral'),
  makeUpOf: null,
  students: [1, 2, 3].map((n) => ({
    studentId: student(n),
    fullName: ['Әлиев Арман', 'Бекова Дана', 'Сейітов Ержан'][n - 1] ?? '',
    iin: '040512500321',
    access: 'green' as const,
    admittedAt: null,
  })),
};

function overview(revealedAt: string | null): TicketDrawOverview {
  return {
    sittingId: SITTING,
    commitment: COMMITMENT,
    poolSize: 25,
    rounds: 2,
    round: 1,
    faceDown: 23,
    rosterSize: 3,
    createdAt: '2026-06-01T08:55:00.000Z',
    revealedAt,
    draws: [1, 2].map((n) => ({
      studentId: student(n),
      fullName: sitting.students[n - 1]?.fullName ?? '',
      ticketNumber: n === 1 ? 17 : 4,
      card: n === 1 ? 6 : 0,
      faceDown: n === 1 ? 25 : 24,
      round: 1,
      drawnAt: `2026-06-01T09:0${n}:00.000Z`,
    })),
  };
}

const reveal: TicketDrawReveal = {
  sittingId: SITTING,
  format: TICKET_DRAW_FORMAT,
  commitment: COMMITMENT,
  salt: SALT,
  order: [
    [17, 4, 9],
    [9, 17, 4],
  ],
  revealedAt: '2026-06-01T09:30:00.000Z',
  draws: [],
};

function render(canEnd: boolean, ended: boolean, language: 'en' | 'ru' | 'kk' = 'en'): string {
  const draw: TicketDrawState = {
    overview: {
      state: { status: 'ready', data: overview(ended ? '2026-06-01T09:30:00.000Z' : null) },
      reload: noop,
      update: noop,
    },
    reveal: { state: { status: 'ready', data: ended ? reveal : null }, reload: noop, update: noop },
    live: true,
    refreshFailed: false,
    applyReveal: noop,
  };
  const i18n = createI18n(language);
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={i18n}>
        <MemoryRouter>
          <DrawBody sitting={sitting} draw={draw} canEnd={canEnd} />
        </MemoryRouter>
      </LanguageProvider>
    </AuthProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const buttonNames = (html: string) =>
  [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(
    (m) => m[1]?.match(/aria-label="([^"]*)"/)?.[1] ?? text(m[2] ?? '').trim(),
  );

describe('the ticket draw page', () => {
  it('shows the commitment, the table, each draw with "View ticket", and who has not drawn', () => {
    const html = render(true, false);
    expect(html).not.toMatch(/sheetsConsole\./);
    const shown = text(html);
    expect(html).toContain(`data-testid="commitment">${COMMITMENT}</code>`);
    expect(shown).toContain('Drawn 2 of 3 students');
    expect(shown).toContain('Round on the table 1 of 2');
    expect(shown).toContain('Cards face down 23');
    // Card 7 of 25: cards are counted from 1 on the screen.
    expect(shown).toMatch(/Әлиев Арман 17 7 of 25 1/);
    expect(shown).toContain('Viewing a ticket is recorded in the student’s Chat &amp; log.');
    expect(html).toMatch(/aria-label="View the ticket of Бекова Дана" aria-describedby="[^"]+"/);
    expect(html).toMatch(/data-testid="not-drawn"><li data-student-id="[^"]+">Сейітов Ержан<\/li><\/ul>/);
    expect(buttonNames(html)).toContain('End the draw and publish the order');
    expect(shown).not.toContain('Read-only');
  });

  it('leaves ending the draw to proctors: the commission sees it read-only', () => {
    const html = render(false, false);
    expect(text(html)).toContain('Read-only: the proctor or the technical secretary ends the draw.');
    expect(buttonNames(html)).not.toContain('End the draw and publish the order');
    // Viewing a ticket stays open to the commission (the server logs who looked).
    expect(buttonNames(html)).toContain('View the ticket of Әлиев Арман');
  });

  it('after the draw shows the salt, the order per round and the Verify button', () => {
    const html = render(true, true);
    const shown = text(html);
    expect(buttonNames(html)).not.toContain('End the draw and publish the order');
    expect(html).toContain(`data-testid="salt">${SALT}</code>`);
    expect(shown).toContain('Round 1: 17, 4, 9');
    expect(shown).toContain('Round 2: 9, 17, 4');
    expect(buttonNames(html)).toContain('Verify');
    expect(html).toContain('data-revealed="true"');
  });

  it('is in Kazakh and Russian too', () => {
    const kk = render(true, true, 'kk');
    expect(kk).not.toMatch(/sheetsConsole\./);
    expect(buttonNames(kk)).toContain('Тексеру');
    const ru = render(true, false, 'ru');
    expect(buttonNames(ru)).toContain('Завершить выбор и опубликовать порядок');
    expect(text(ru)).toContain('Выбрали билет 2 из 3');
  });
});
