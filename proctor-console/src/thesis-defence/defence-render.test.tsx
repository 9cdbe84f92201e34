import type { DefenceScheduleView, DefenceSlotView } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DefenceBoard } from './DefencePage.js';
import { TalkTimer } from './TalkTimer.js';

/** Rendered on the server side of React: no effects run, so no API call is made. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

function render(node: ReactNode, language: 'en' | 'kk' | 'ru' = 'en'): string {
  const i18n = createI18n(language);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AuthProvider api={neverCalled}>
        <LanguageProvider i18n={i18n}>
          <MemoryRouter>{node}</MemoryRouter>
        </LanguageProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}
/** The visible text, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));

const MINUTE = 60_000;
const timer = (minutes: number, stage: DefenceSlotView['stage'] = 'talk') =>
  render(<TalkTimer elapsedMs={minutes * MINUTE} stage={stage} warnMinutes={7} talkMinutes={10} />);

const T0 = Date.parse('2026-06-12T04:00:00.000Z');
const iso = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
const row = (n: number, patch: Partial<DefenceSlotView> = {}): DefenceSlotView => ({
  studentId: `10000000-0000-4000-8000-00000000000${n}`,
  fullName: ['Әлиев Арман', 'Бекова Дана', 'Жұмабек Ерлан'][n - 1] ?? 'X',
  place: n,
  admitted: true,
  stage: 'waiting',
  plannedStart: iso((n - 1) * 15),
  expectedStart: iso((n - 1) * 15),
  expectedEnd: iso(n * 15),
  shiftMinutes: 0,
  startedAt: null,
  talkEndedAt: null,
  finishedAt: null,
  talkElapsedMs: 0,
  interruptions: [],
  questions: [],
  ...patch,
});
const view = (rows: DefenceSlotView[], patch: Partial<DefenceScheduleView> = {}): DefenceScheduleView => ({
  sittingId: 'aaaaaaaa-0000-4000-8000-000000000001',
  slotMinutes: 15,
  talkMinutes: 10,
  talkWarnMinutes: 7,
  rows,
  current: rows.find((r) => ['talk', 'questions', 'interrupted'].includes(r.stage))?.studentId ?? null,
  next: rows.find((r) => r.stage === 'waiting' && r.admitted)?.studentId ?? null,
  canRun: true,
  serverNow: iso(20),
  ...patch,
});
const board = (v: DefenceScheduleView, nowMs = T0 + 20 * MINUTE, language: 'en' | 'kk' | 'ru' = 'en') =>
  render(
    <DefenceBoard view={v} nowMs={nowMs} busy={false} onAct={async () => true} onAsk={async () => true} />,
    language,
  );

describe('the talk timer', () => {
  it('counts up plainly before the first warning', () => {
    const html = timer(6.99);
    expect(html).toContain('data-level="none"');
    expect(html).toMatch(/role="timer"[^>]*>00:06:59</);
    expect(html).toMatch(/data-testid="talk-timer-note"><\/p>/);
  });

  it('turns amber at 7 minutes and red "time is up" at 10, announced in a live region', () => {
    const warn = timer(7);
    expect(warn).toContain('data-level="warn"');
    expect(warn).toMatch(/role="status" aria-live="polite"[^>]*>7 minutes of talk: time to conclude\.</);
    const over = timer(10.5);
    expect(over).toContain('data-level="over"');
    expect(text(over)).toContain('Time is up: 10 minutes of talk.');
    expect(over).toMatch(/role="timer"[^>]*>00:10:30</);
  });

  it('says why it stands still, and warns no more once the talk is over', () => {
    expect(text(timer(8, 'interrupted'))).toContain(
      'The timer stands still while the defence is interrupted.',
    );
    const ended = timer(12, 'questions');
    expect(text(ended)).toContain('The talk is over.');
    expect(text(ended)).not.toContain('Time is up');
  });

  it('speaks Kazakh and Russian', () => {
    const i18n = (language: 'kk' | 'ru') =>
      render(<TalkTimer elapsedMs={10 * MINUTE} stage="talk" warnMinutes={7} talkMinutes={10} />, language);
    expect(text(i18n('kk'))).toContain('Уақыт бітті: баяндамаға 10 минут өтті.');
    expect(text(i18n('ru'))).toContain('Время вышло: доклад идёт 10 мин.');
  });
});

describe('the defence board', () => {
  it('offers "Start" for the next admitted student when nobody defends', () => {
    const html = board(view([row(1, { admitted: false }), row(2), row(3)]));
    expect(text(html)).toContain('Nobody is defending now.');
    expect(buttons(html)).toEqual(['Start the defence: Бекова Дана']);
    expect(text(html)).toContain('Әлиев Арман · not admitted');
  });

  it('shows the defender with the timer counted on from serverNow, the controls and the questions', () => {
    const defending = row(1, {
      stage: 'talk',
      startedAt: iso(12),
      talkElapsedMs: 6 * MINUTE,
      questions: [
        { id: 'q1', text: 'Екінші тараудың жаңалығы неде?', askedAt: iso(19), askedBy: 'Дәулетова Айнұр' },
      ],
    });
    const shifted = row(2, { expectedStart: iso(23), shiftMinutes: 8 });
    // One and a half minutes after the server's stamp: 7:30 of talk, the first warning.
    const html = board(view([defending, shifted, row(3)]), T0 + 21.5 * MINUTE);
    expect(text(html)).toContain('Defending now: Әлиев Арман');
    expect(html).toMatch(/data-testid="talk-timer"[^>]*>00:07:30</);
    expect(html).toContain('data-level="warn"');
    expect(buttons(html)).toEqual([
      'End the talk, begin questions',
      'Finish the defence',
      'Interrupt',
      'Stop the defence',
      'Send the question',
    ]);
    expect(text(html)).toContain('Екінші тараудың жаңалығы неде?');
    expect(html).toContain('for="defence-question">Question for Әлиев Арман');
    expect(text(html)).toContain('+8 min');
  });

  it('while interrupted, asks for the decision; members see everything but no controls', () => {
    const interrupted = row(1, {
      stage: 'interrupted',
      startedAt: iso(12),
      talkElapsedMs: 3 * MINUTE,
      interruptions: [{ interruptedAt: iso(15), reason: 'No sound', decidedAt: null, decision: null }],
    });
    const html = board(view([interrupted, row(2)]));
    expect(buttons(html)).toEqual(['Resume the defence', 'Stop the defence', 'Send the question']);
    expect(text(html)).toContain('No sound — waiting for the commission’s decision');
    // Frozen: the server's 3 minutes, whatever the local clock says.
    expect(html).toMatch(/data-testid="talk-timer"[^>]*>00:03:00</);

    const watched = board(view([interrupted, row(2)], { canRun: false }));
    expect(buttons(watched)).toEqual([]);
    expect(watched).not.toContain('<textarea');
    expect(text(watched)).toContain('You follow the defence; the technical secretary and the chair run it.');
  });

  it('has every text in Kazakh and Russian', () => {
    const v = view([row(1, { stage: 'talk', startedAt: iso(12), talkElapsedMs: 11 * MINUTE }), row(2)]);
    for (const language of ['kk', 'ru'] as const) {
      const html = board(v, T0 + 20 * MINUTE, language);
      expect(html).not.toMatch(/thesisDefence\./);
      expect(text(html)).not.toMatch(/Defending|Talk time|Finish the defence|Planned/);
    }
  });
});
