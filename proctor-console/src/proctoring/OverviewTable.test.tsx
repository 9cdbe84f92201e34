import type { ProctoringRow, StaffRef } from '@adal/shared';
import { AuthProvider, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { IdentityStatus } from '../student-detail/identity-check.js';
import { OverviewTable } from './OverviewTable.js';

const SITTING = '00000000-0000-4000-8000-000000000001';
const ME: StaffRef = { id: '0000000a-0000-4000-8000-000000000001', fullName: 'Проктор Айгүл' };
const COLLEAGUE: StaffRef = { id: '0000000b-0000-4000-8000-000000000002', fullName: 'Проктор Бауыржан' };

const flagged: ProctoringRow = {
  studentId: '10000000-0000-4000-8000-000000000001',
  fullName: 'Әлиев Арман',
  iin: '040512500321',
  access: 'green',
  stage: 'in_test',
  proctor: ME,
  roomScan: 'failed',
  trust: {
    risk: 42.5,
    trust: 57.5,
    observedMs: 600_000,
    breakdown: [
      { metric: 'tab_switch', kind: 'count', value: 10, weight: 3, points: 30 },
      { metric: 'no_face', kind: 'share', value: 12.5, weight: 1, points: 12.5 },
    ],
  },
  openFlags: 3,
  ongoing: [
    {
      id: '20000000-0000-4000-8000-000000000001',
      type: 'voice',
      startedAt: '2026-06-01T09:00:00.000Z',
      endedAt: null,
      confidence: 80,
      count: 1,
      loggedSeq: null,
      details: [],
    },
  ],
  needsAttention: true,
  lastEntryAt: '2026-06-01T09:00:00.000Z',
};
const quiet: ProctoringRow = {
  ...flagged,
  studentId: '10000000-0000-4000-8000-000000000002',
  fullName: 'Бекова Дана',
  proctor: null,
  trust: { risk: 0, trust: 100, observedMs: 600_000, breakdown: [] },
  openFlags: 0,
  ongoing: [],
  needsAttention: false,
  roomScan: 'done',
};

function render(
  canAct: boolean,
  language: 'en' | 'ru' = 'en',
  identity: ReadonlyMap<string, IdentityStatus> | null = null,
): string {
  const i18n = createI18n(language);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AuthProvider>
        <LanguageProvider i18n={i18n}>
          <MemoryRouter>
            <OverviewTable
              sittingId={SITTING}
              rows={[flagged, quiet]}
              proctors={[ME, COLLEAGUE]}
              canAct={canAct}
              offset={0}
              onRow={() => undefined}
              identity={identity}
            />
          </MemoryRouter>
        </LanguageProvider>
      </AuthProvider>
    </I18nextProvider>,
  );
}

describe('OverviewTable', () => {
  it('is captioned "Students" and links each student to their detail page', () => {
    const html = render(true);
    expect(html).toContain('<caption class="visually-hidden">Students</caption>');
    expect(html).toContain(`href="/sittings/${SITTING}/students/${flagged.studentId}"`);
    expect(html).toContain('>Әлиев Арман</a>');
    expect(html).toContain('Needs attention');
  });

  it('offers a labelled hand-over select to those who act, and only the name to those who look', () => {
    const acting = render(true);
    expect(acting).toContain('aria-label="Hand over Әлиев Арман"');
    expect(acting).toContain('aria-label="Hand over Бекова Дана"');
    expect(acting).toContain(`<option value="${COLLEAGUE.id}">Проктор Бауыржан</option>`);
    const looking = render(false);
    expect(looking).not.toContain('<select');
    expect(looking).toContain('Проктор Айгүл');
    expect(looking).toContain('Unassigned');
  });

  it('explains the risk: metric, value, weight and points', () => {
    const html = render(false);
    expect(html).toContain('Risk 42.5 · trust 57.5');
    expect(html).toContain('<dt>Switched tabs</dt><dd>count 10 × 3 = 30</dd>');
    expect(html).toContain('<dt>No face in view</dt><dd>12.5 % of the time × 1 = 12.5</dd>');
    expect(html).toContain('Nothing has counted against this student.');
  });

  it('translates stages, room scans and ongoing flags', () => {
    const html = render(false, 'ru');
    expect(html).toContain('<caption class="visually-hidden">Обучающиеся</caption>');
    expect(html).toContain('Сдаёт экзамен');
    expect(html).toContain('Не пройден');
    expect(html).toContain('Голоса: ');
    expect(html).toContain('Риск 42,5 · доверие 57,5');
  });

  it('shows each student’s identity status once the checks are loaded', () => {
    expect(render(false)).not.toContain('identity-status');
    const html = render(false, 'en', new Map([[flagged.studentId, 'waiting']]));
    expect(html).toContain(
      '<span class="identity-status" data-status="waiting">Identity: waiting for review</span>',
    );
    // No check sent yet.
    expect(html).toContain('<span class="identity-status" data-status="none">Identity not checked</span>');
    expect(render(false, 'ru', new Map([[quiet.studentId, 'verified']]))).toContain('Личность подтверждена');
  });
});
