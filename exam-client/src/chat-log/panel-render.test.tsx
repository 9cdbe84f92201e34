import type { LogEntry } from '@adal/shared';
import { createI18n } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ChatLogPanel } from './ChatLogPanel.js';
import { entry, system } from './fixtures.js';
import { ProctorInstructions } from './ProctorInstructions.js';
import { SuspendedNotice } from './SuspendedNotice.js';
import type { ChatLog } from './use-chat-log.js';

const render = (node: ReactNode, language: 'en' | 'kk' | 'ru' = 'en') =>
  renderToStaticMarkup(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);

const log = (entries: LogEntry[]): ChatLog => ({
  status: 'ready',
  error: null,
  entries,
  ongoing: [],
  reload: () => {},
  send: async () => {},
});

describe('ChatLogPanel', () => {
  const entries = [
    entry(1, {
      source: 'auto_flag',
      type: 'no_face',
      severity: 'medium',
      durationMs: 12_000,
      confidence: 90,
    }),
    entry(2, { source: 'proctor', type: 'flag_dismissed', text: 'Lighting glitch', evidence: { refSeq: 1 } }),
    entry(3, { source: 'auto_flag', type: 'tab_switch', severity: 'medium' }),
    entry(4, { source: 'connection', type: 'reconnected' }),
    entry(5, {
      source: 'chat',
      type: 'to_student',
      text: 'Sit closer',
      evidence: { authorName: 'A. Sadykova' },
    }),
  ];
  const html = render(<ChatLogPanel log={log(entries)} />);

  it('is an aside named by its heading, with a polite log region and a labelled message box', () => {
    expect(html).toMatch(/<aside[^>]*aria-labelledby="chat-log-title"/);
    expect(html).toContain('<h2 id="chat-log-title">Chat &amp; log</h2>');
    expect(html).toMatch(/role="log" aria-live="polite" aria-label="Log entries"/);
    expect(html).toContain('<label for="message-to-proctor">Message to the proctor</label>');
  });

  it('marks a dismissed flag with the reason, and an unreviewed one as such', () => {
    expect(html).toMatch(/data-seq="1"[^>]*data-review="dismissed"/);
    expect(html).toContain('Dismissed by the proctor: Lighting glitch');
    expect(html).toMatch(/data-seq="3"[^>]*data-review="pending"/);
    expect(html).toContain('Not reviewed by the proctor yet');
    expect(html).toContain('Lasted 12 s · Confidence 90 %');
  });

  it('shows an unknown type as it is, and the proctor’s name on their message', () => {
    expect(html).toContain('<strong>reconnected</strong>');
    expect(html).toContain('From A. Sadykova');
  });

  it('speaks the student’s language', () => {
    const kk = render(<ChatLogPanel log={log(entries)} />, 'kk');
    expect(kk).toContain('Проктор алып тастады: Lighting glitch');
    expect(kk).toContain('Камерада бет көрінбейді');
  });
});

describe('SuspendedNotice', () => {
  it('says what stopped, what to do, that answers are locked and whether the clock runs', () => {
    const suspension = {
      seq: 4,
      at: system(4, 'suspended').at,
      sources: ['screen' as const],
      clockRuns: true,
    };
    const html = render(
      <SuspendedNotice suspension={suspension} clockStopped={false} pausedByProctor={false} />,
    );
    expect(html).toMatch(/role="alert"[^>]*aria-labelledby="suspended-title"/);
    expect(html).toContain('Stopped reaching the proctor: screen.');
    expect(html).toContain('«Share entire screen again»');
    expect(html).not.toContain('Turn on camera and microphone');
    expect(html).toContain('the answers are locked');
    expect(html).toContain('The time keeps running');
  });
});

describe('ProctorInstructions', () => {
  it('shows a room scan to do and a warning with its OK button', () => {
    const html = render(
      <ProctorInstructions
        instructions={{
          warning: { seq: 7, at: system(7, 'warned').at, text: 'Eyes on your screen' },
          roomScan: { seq: 6, at: system(6, 'room_scan_requested').at, note: '' },
        }}
        acknowledge={() => {}}
      />,
      'ru',
    );
    expect(html).toContain('Покажите комнату проктору');
    expect(html).toContain('Предупреждение проктора');
    expect(html).toContain('Eyes on your screen');
    expect(html).toContain('>Понятно</button>');
  });
});

describe('a flag with details', () => {
  it('says what it was about after its name, in every language', () => {
    const blocked = entry(1, {
      source: 'auto_flag',
      type: 'navigation_blocked',
      severity: 'medium',
      evidence: { details: ['example.com', 'chat.openai.com'] },
    });
    const en = render(<ChatLogPanel log={log([blocked])} />);
    expect(en).toContain('<strong>Leaving the exam page was blocked — example.com, chat.openai.com</strong>');
    for (const language of ['kk', 'ru'] as const) {
      const html = render(<ChatLogPanel log={log([blocked])} />, language);
      expect(html).toContain(': example.com, chat.openai.com</strong>');
      expect(html).not.toContain('studentLog.');
    }
  });
});
