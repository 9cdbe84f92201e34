import {
  DEFAULT_TRUST_WEIGHTS,
  type LogEntry,
  type ProctoringOverview,
  type ProctoringRow,
} from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { StudentDetailBody } from './StudentDetailPage.js';
import type { StudentDetail } from './use-student-detail.js';

/** Rendered on the server side of React: no effects run, so no socket, SFU or API call is made. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

const row: ProctoringRow = {
  studentId: 'bbbbbbbb-0000-4000-8000-000000000001',
  fullName: 'Aigerim Nurlanovna',
  iin: '010101500123',
  access: 'red',
  stage: 'checks',
  proctor: { id: 'p1', fullName: 'Proctor One' },
  roomScan: 'none',
  trust: { risk: 0, trust: 100, observedMs: 0, breakdown: [] },
  openFlags: 1,
  ongoing: [],
  needsAttention: true,
  lastEntryAt: null,
};

const entry = (seq: number, over: Partial<LogEntry>): LogEntry => ({
  seq,
  at: '2026-06-01T09:10:00.000Z',
  source: 'system',
  type: 'admitted',
  severity: 'info',
  text: '',
  evidence: null,
  durationMs: null,
  confidence: null,
  prevHash: `h${seq - 1}`,
  hash: `h${seq}`,
  ...over,
});

const entries = [
  entry(1, { source: 'media', type: 'source_live', evidence: { source: 'webcam' } }),
  entry(2, { source: 'auto_flag', type: 'tab_switch', severity: 'medium', durationMs: 4000, confidence: 90 }),
  entry(3, { source: 'chat', type: 'to_proctor', text: 'My camera froze' }),
];

function render(canAct: boolean): string {
  const overview: ProctoringOverview = {
    sittingId: 'aaaaaaaa-0000-4000-8000-000000000001',
    proctors: [row.proctor ?? { id: 'p1', fullName: '' }, { id: 'p2', fullName: 'Proctor Two' }],
    weights: DEFAULT_TRUST_WEIGHTS,
    canAct,
    students: [row],
    serverNow: '2026-06-01T09:10:00.000Z',
  };
  const noop = () => {};
  const detail: StudentDetail = {
    sittingId: overview.sittingId,
    studentId: row.studentId,
    overview: { state: { status: 'ready', data: overview }, reload: noop, update: noop },
    row,
    log: { status: 'ready', data: entries },
    reloadLog: noop,
    attempts: [],
    live: true,
    socket: null,
    addEntry: noop,
    replaceRow: noop,
    setAccess: noop,
    applyClock: noop,
    refreshRow: noop,
  };
  const i18n = createI18n('en');
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={i18n}>
        <MemoryRouter>
          <StudentDetailBody detail={detail} overview={overview} />
        </MemoryRouter>
      </LanguageProvider>
    </AuthProvider>,
  );
}

/** The visible text, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The names of the rendered buttons. */
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('the student detail page', () => {
  it('shows the log, the actions, the chat and the hand-over to a proctor, with no missing text', () => {
    const html = render(true);
    expect(html).not.toMatch(/studentDetail\.|media\.|staff\./);
    expect(html).toMatch(/<ol class="sd-log" aria-labelledby="([^"]+)"/);
    const labelId = html.match(/<ol class="sd-log" aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toContain(`id="${labelId}">Chat &amp; log</h2>`);
    const shown = text(html);
    const names = [
      'Confirm',
      'Dismiss',
      'Admit',
      'Deny',
      'Request room scan',
      'Raise violation',
      'Hand over',
    ];
    expect(buttons(html)).toEqual(expect.arrayContaining(names));
    expect(shown).toContain('Message to the student');
    expect(shown).toContain('My camera froze');
    // The identity panel loads its check after the first render (identity-panel.test.tsx).
    expect(shown).toContain('Identity');
    expect(shown).not.toContain('Read-only (commission)');
  });

  it('hides every action, review, chat and hand-over control in the commission view', () => {
    const html = render(false);
    const shown = text(html);
    expect(shown).toContain('Read-only (commission)');
    // The same data: the log, the trust score, the report.
    expect(shown).toContain('Switched tabs');
    expect(shown).toContain('Trust score');
    expect(shown).toContain('Download PDF');
    // Only the media and report controls are left.
    expect(buttons(html)).toEqual(['Listen', 'Verify the log']);
    expect(shown).not.toContain('Message to the student');
    expect(shown).not.toContain('Hand over to');
  });
});
