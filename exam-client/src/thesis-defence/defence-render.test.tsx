import type { StudentDefenceView } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DefenceSlot } from './DefencePanel.js';

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
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-12T04:00:00.000Z');
const iso = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
const mine = (patch: Partial<StudentDefenceView> = {}): StudentDefenceView => ({
  sittingId: 'aaaaaaaa-0000-4000-8000-000000000001',
  stage: 'waiting',
  place: 3,
  ahead: 2,
  plannedStart: iso(30),
  expectedStart: iso(30),
  shiftMinutes: 0,
  startedAt: null,
  talkEndedAt: null,
  talkElapsedMs: 0,
  talkMinutes: 10,
  talkWarnMinutes: 7,
  slotMinutes: 15,
  questions: [],
  serverNow: iso(5),
  ...patch,
});
/** Talking since 12 minutes past, `minutes` into the talk when rendered. */
const talking = (minutes: number, patch: Partial<StudentDefenceView> = {}) =>
  render(
    <DefenceSlot
      view={mine({ stage: 'talk', startedAt: iso(12), talkElapsedMs: 0, serverNow: iso(12), ...patch })}
      nowMs={T0 + (12 + minutes) * MINUTE}
    />,
  );

describe('the student’s defence panel', () => {
  it('before the defence: place, how many before, expected time with the shift, the screen reminder', () => {
    const html = render(
      <DefenceSlot view={mine({ expectedStart: iso(38), shiftMinutes: 8 })} nowMs={T0 + 5 * MINUTE} />,
    );
    expect(text(html)).toContain('You are number 3 on the list. Before you: 2.');
    expect(html).toMatch(
      /data-testid="defence-expected">Your defence is expected at \d\d:\d\d\. That is 8 min later/,
    );
    expect(text(html)).toContain('share your entire screen');
    expect(html).not.toContain('role="timer"');
    expect(html).not.toContain('Questions written to you');
  });

  it('counts the talk up with no warning before 7 minutes', () => {
    const html = talking(6.5);
    expect(html).toMatch(/data-testid="student-talk-timer">00:06:30</);
    expect(html).toContain('data-level="none"');
    expect(html).toMatch(/data-testid="student-talk-note"><\/p>/);
    expect(text(html)).toContain('Your defence has started: give your talk.');
  });

  it('warns amber at 7 minutes and red at 10, as an alert', () => {
    const warn = talking(7);
    expect(warn).toContain('data-level="warn"');
    expect(warn).toMatch(/role="alert"[^>]*>7 minutes have passed: start concluding your talk\.</);
    const over = talking(10);
    expect(over).toContain('data-level="over"');
    expect(text(over)).toContain('Your 10 minutes are up: finish your talk.');
    expect(text(over)).not.toContain('start concluding');
  });

  it('stops warning once the questions begin, and lists the written questions in a live region', () => {
    const html = render(
      <DefenceSlot
        view={mine({
          stage: 'questions',
          startedAt: iso(12),
          talkEndedAt: iso(23),
          talkElapsedMs: 11 * MINUTE,
          questions: [
            {
              id: 'q1',
              text: 'Екінші тараудың жаңалығы неде?',
              askedAt: iso(24),
              askedBy: 'Дәулетова Айнұр',
            },
          ],
        })}
        nowMs={T0 + 30 * MINUTE}
      />,
    );
    expect(html).toMatch(/data-testid="student-talk-timer">00:11:00</);
    expect(html).toContain('data-level="none"');
    expect(text(html)).toContain('Your talk is over: answer the commission’s questions.');
    expect(html).toContain('aria-live="polite"');
    expect(text(html)).toContain('Екінші тараудың жаңалығы неде?');
    // The student sees the question, not who on the commission typed it.
    expect(html).not.toContain('Дәулетова');
  });

  it('says how it ended, in Kazakh and Russian too', () => {
    const stopped = mine({ stage: 'stopped', startedAt: iso(12), talkElapsedMs: 4 * MINUTE });
    expect(text(render(<DefenceSlot view={stopped} nowMs={T0} />))).toContain(
      'The commission stopped your defence.',
    );
    expect(text(render(<DefenceSlot view={stopped} nowMs={T0} />, 'kk'))).toContain(
      'Комиссия қорғауыңызды тоқтатты.',
    );
    const defended = mine({ stage: 'defended', startedAt: iso(12), talkElapsedMs: 9 * MINUTE });
    expect(text(render(<DefenceSlot view={defended} nowMs={T0} />, 'ru'))).toContain(
      'Ваша защита завершена. Спасибо!',
    );
    for (const language of ['kk', 'ru'] as const)
      expect(render(<DefenceSlot view={mine()} nowMs={T0} />, language)).not.toMatch(/thesisDefence\./);
  });
});
