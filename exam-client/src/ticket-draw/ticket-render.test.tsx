import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { CardTable } from './CardTable.js';
import { DrawBlockedNotice } from './DrawBlockedNotice.js';
import { DrawCheckResult } from './DrawCheckResult.js';
import { DrawnTicketCard } from './DrawnTicketCard.js';
import { board, COMMITMENT, SITTING, ticket, writing } from './fixtures.js';
import { TicketDrawSection } from './TicketDrawSection.js';
import type { TicketBoardView } from './use-ticket-board.js';
import { WritingTime } from './WritingTime.js';
import { writingState } from './writing-clock.js';

/** Rendered on the server side of React: no effects run, so no API call or socket is made. */
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

const view = (patch: Partial<TicketBoardView>): TicketBoardView => ({
  board: board(),
  writing: null,
  error: null,
  reload: async () => {},
  draw: async () => ticket(),
  ...patch,
});

/** The accessible names of the buttons (their text, tags removed). */
const buttonNames = (html: string) =>
  [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));

describe('the ticket table', () => {
  it('lays the cards face down as buttons named by position, nothing about the tickets', () => {
    const html = render(<CardTable faceDown={3} round={1} rounds={2} disabled={false} onPick={() => {}} />);
    expect(buttonNames(html)).toEqual(['?Card 1 of 3', '?Card 2 of 3', '?Card 3 of 3']);
    expect(html).toMatch(/<span aria-hidden="true">\?<\/span>/);
    expect(html).toContain('Tickets face down: 3 · Round 1 of 2');
    expect(html).toContain('aria-label="Tickets face down"');
  });

  it('disables every card while a draw is being sent', () => {
    const html = render(<CardTable faceDown={2} round={1} rounds={1} disabled onPick={() => {}} />);
    expect(html.match(/<button[^>]*disabled=""/g)).toHaveLength(2);
    expect(html).not.toContain('Round');
  });

  it('shows the commitment short, with its explanation', () => {
    const html = render(<TicketDrawSection sittingId={SITTING} view={view({})} />);
    expect(html).toContain('data-testid="draw-commitment"');
    expect(html).toContain('c0ff ee00 … c0ff ee00');
    expect(html).toContain(`data-commitment="${COMMITMENT}"`);
    expect(html).toContain('<summary>What is this?</summary>');
    expect(html).toMatch(/the order is published, so you and anyone else can check/);
    expect(buttonNames(html)).toHaveLength(7);
  });

  it('says why the student cannot draw, in their language, instead of the cards', () => {
    const html = render(
      <TicketDrawSection sittingId={SITTING} view={view({ board: board({ blockedBy: 'not_admitted' }) })} />,
    );
    expect(html).toContain('data-reason="not_admitted"');
    expect(html).toContain('You can draw a ticket once the proctor has admitted you.');
    expect(html).not.toContain('Card 1 of');
    const ru = render(<DrawBlockedNotice reason="no_tickets_left" />, 'ru');
    expect(ru).toContain('Все билеты уже вытянуты');
    const kk = render(<DrawBlockedNotice reason="draw_closed" />, 'kk');
    expect(kk).toContain('Билет тарту аяқталды');
  });

  it('shows the drawn ticket large with its questions, and offers the check once revealed', () => {
    const drawn = render(
      <TicketDrawSection
        sittingId={SITTING}
        view={view({ board: board({ myTicket: ticket(), revealed: true }) })}
      />,
    );
    expect(drawn).toContain('data-ticket-number="7"');
    expect(drawn).toMatch(/<h3 id="drawn-ticket-title" tabindex="-1">Ticket No. 7<\/h3>/);
    expect(drawn).toContain('<li>Explain two-phase locking.</li>');
    expect(drawn).toContain('card 3 of 8, round 1');
    expect(buttonNames(drawn)).toEqual(['Check the draw']);
    expect(drawn).not.toContain('Card 1 of');
  });

  it('reads the ticket in Kazakh', () => {
    const html = render(<DrawnTicketCard ticket={ticket()} />, 'kk');
    expect(html).toContain('№ 7 билет');
  });
});

describe('the draw check result', () => {
  it('says an honest draw checks out and where the student’s card is', () => {
    const html = render(
      <DrawCheckResult
        check={{
          kind: 'ok',
          draws: 12,
          mine: {
            seq: 3,
            round: 1,
            card: 2,
            faceDown: 8,
            position: 4,
            ticketNumber: 7,
            drawnAt: '2026-06-10T09:05:00.000Z',
            student: null,
            mine: true,
          },
        }}
      />,
    );
    expect(html).toContain('data-result="ok"');
    expect(html).toContain('every draw follows from it (draws checked: 12)');
    expect(html).toContain('Your card 3 of 8 in round 1 is ticket No. 7');
  });

  it('raises a changed commitment and a broken replay', () => {
    const changed = render(<DrawCheckResult check={{ kind: 'commitment_changed' }} />);
    expect(changed).toContain('data-result="failed"');
    expect(changed).toContain('not the one shown to you before the draw');
    const mismatch = render(
      <DrawCheckResult check={{ kind: 'mismatch', draw: 4, reason: 'ticket 2 recorded, 5 expected' }} />,
    );
    expect(mismatch).toContain('(draw No. 4): ticket 2 recorded, 5 expected');
    expect(mismatch).toContain('Tell your proctor');
  });
});

describe('the writing time', () => {
  it('runs the countdown on the server’s deadline with “I have finished writing”', () => {
    const html = render(<WritingTime writing={writingState(writing(), Date.now())} onReload={() => {}} />);
    expect(html).toContain('data-testid="writing-time"');
    expect(html).toContain('data-state="running"');
    expect(html).toMatch(/role="timer" aria-labelledby="time-left-label"/);
    expect(buttonNames(html)).toEqual(['I have finished writing']);
  });

  it('shows a proctor’s pause and a suspension, and the end of writing', () => {
    const paused = render(
      <WritingTime
        writing={writingState(writing({ pausedAt: '2026-06-10T09:40:00.000Z', pausedByProctor: true }), 0)}
        onReload={() => {}}
      />,
    );
    expect(paused).toContain('data-state="paused"');
    expect(paused).toContain('The proctor paused the exam');
    expect(paused).toContain('data-paused="true"');
    const suspended = render(
      <WritingTime
        writing={writingState(writing({ status: 'suspended' }), Date.now())}
        onReload={() => {}}
      />,
    );
    expect(suspended).toContain('data-testid="writing-suspended"');
    expect(suspended).toContain('The writing time keeps running');
    const over = render(
      <WritingTime writing={writingState(writing({ status: 'finished' }), 0)} onReload={() => {}} />,
    );
    expect(over).toContain('data-state="over"');
    expect(over).toContain('Photograph and upload your answer sheets below.');
    expect(over).not.toContain('role="timer"');
    expect(buttonNames(over)).toEqual([]);
  });
});
