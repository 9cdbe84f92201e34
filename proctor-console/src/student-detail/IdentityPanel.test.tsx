import { catalogues, type IdentityCheckView, type Language } from '@adal/shared';
import {
  AuthProvider,
  type CallApi,
  createI18n,
  LanguageProvider,
  type ResourceState,
} from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IdentityPanelView } from './IdentityPanel.js';
import { documentRows, identityStatus, latestOf, photoUrl } from './identity-check.js';

const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

const roster = { fullName: 'Қалиев Арман Серікұлы', iin: '041010500321' };

const check: IdentityCheckView = {
  checkId: 'cccccccc-0000-4000-8000-000000000001',
  sittingId: 'aaaaaaaa-0000-4000-8000-000000000001',
  studentId: 'bbbbbbbb-0000-4000-8000-000000000001',
  fullName: roster.fullName,
  submittedAt: '2026-06-01T09:05:00.000Z',
  liveness: {
    challenges: [
      { challenge: 'blink', passed: true },
      { challenge: 'turn_left', passed: false },
    ],
    passed: false,
  },
  document: {
    source: 'mrz',
    format: 'TD1',
    checkDigitsValid: false,
    invalidFields: ['expiryDateCheckDigit'],
    documentNumber: 'N01234567',
    surname: 'KALIEB',
    givenNames: 'ARMAN',
    iin: '041010500321',
    birthDate: '2004-10-10',
    expiryDate: '2025-01-31',
    ocrConfidence: 87.4,
  },
  roster: { verdict: 'mismatch', reasons: ['iin_matches', 'name_close', 'document_expired'] },
  faceMatch: { distance: 0.412, threshold: 0.6, verdict: 'same_person' },
  timings: { faceFrameMs: 38.6, ocrMs: 2460 },
  decision: null,
  decisionNote: null,
  decidedBy: null,
  decidedAt: null,
};

function render(
  state: ResourceState<IdentityCheckView | null>,
  canDecide: boolean,
  language: Language = 'en',
) {
  const noop = () => {};
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={createI18n(language)}>
        <IdentityPanelView
          fullName={roster.fullName}
          iin={roster.iin}
          canDecide={canDecide}
          state={state}
          onRetry={noop}
          onDecided={noop}
        />
      </LanguageProvider>
    </AuthProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('the identity panel', () => {
  it('shows both photos, the document against the list, every reason in words, and the device’s measurements', () => {
    const html = render({ status: 'ready', data: check }, true);
    expect(html).not.toMatch(/studentDetail\./);
    expect(html).toContain(`src="${photoUrl(check, 'face').replace(/&/g, '&amp;')}"`);
    expect(html).toContain(`src="${photoUrl(check, 'document').replace(/&/g, '&amp;')}"`);
    const shown = text(html);
    expect(shown).toContain('Waiting for review');
    expect(shown).toContain('Does not match the list');
    expect(shown).toContain('The IIN is the same as on the list.');
    expect(shown).toContain('The name is close to the list’s');
    expect(shown).toContain('The document has expired.');
    // The list's birth date is the IIN's; the document's as read.
    expect(shown).toContain('Date of birth 10.10.2004 10.10.2004');
    expect(shown).toContain('Document number not on the list N01234567');
    expect(shown).toContain('Full name Қалиев Арман Серікұлы KALIEB ARMAN');
    expect(shown).toContain('Not passed');
    expect(shown).toContain('Turn the head left: not done');
    expect(shown).toContain('Distance 0.41, threshold 0.60');
    expect(shown).toContain('advice from the student’s device, not a decision');
    expect(shown).toContain('check digits failed: expiryDateCheckDigit');
    expect(shown).toContain('Face check 39 ms per frame; document reading 2.5 s.');
    expect(buttons(html)).toEqual(['Verified', 'Retake', 'Rejected']);
    expect(shown).toContain('Verifying does not admit the student');
  });

  it('shows the decision with its note, and no buttons to those who may not decide', () => {
    const decided: IdentityCheckView = {
      ...check,
      decision: 'retake',
      decisionNote: 'The document is blurred.',
      decidedBy: 'Қожахметов Ержан Болатұлы',
      decidedAt: '2026-06-01T09:07:00.000Z',
    };
    const html = render({ status: 'ready', data: decided }, false);
    const shown = text(html);
    expect(shown).toContain('Retake asked');
    expect(shown).toContain('Note to the student: The document is blurred.');
    expect(shown).toContain('Қожахметов Ержан Болатұлы');
    expect(buttons(html)).toEqual([]);
    // The one who may decide sees that the decision can still be changed.
    expect(text(render({ status: 'ready', data: decided }, true))).toContain('You may change the decision');
  });

  it('says plainly when no check has been sent, in every language', () => {
    expect(text(render({ status: 'ready', data: null }, true))).toContain('Not checked yet');
    expect(buttons(render({ status: 'ready', data: null }, true))).toEqual([]);
    expect(text(render({ status: 'ready', data: null }, true, 'kk'))).toContain('Әлі тексерілмеген');
    expect(text(render({ status: 'ready', data: null }, true, 'ru'))).toContain('Ещё не проверена');
    const kk = render({ status: 'ready', data: check }, true, 'kk');
    expect(kk).not.toMatch(/studentDetail\./);
    expect(buttons(kk)).toEqual(['Растау', 'Қайта тексеру', 'Қабылдамау']);
  });

  it('derives the status, the latest check and the table rows', () => {
    expect(identityStatus(null)).toBe('none');
    expect(identityStatus(check)).toBe('waiting');
    expect(identityStatus({ ...check, decision: 'rejected' })).toBe('rejected');
    const older = { ...check, checkId: 'old', submittedAt: '2026-06-01T09:00:00.000Z' };
    const other = { ...check, studentId: 'someone-else', submittedAt: '2026-06-01T09:30:00.000Z' };
    expect(latestOf([older, check, other], check.studentId)?.checkId).toBe(check.checkId);
    expect(latestOf([other], check.studentId)).toBeNull();
    const unread = { ...check, document: { ...check.document, surname: null, givenNames: null, iin: null } };
    expect(documentRows(unread, roster).slice(0, 2)).toEqual([
      { field: 'fullName', listed: roster.fullName, read: null },
      { field: 'iin', listed: roster.iin, read: null },
    ]);
  });
});

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [
          `${prefix}${key} → ${[...value.matchAll(/\{\{(\w+)\}\}/g)]
            .map((m) => m[1])
            .sort()
            .join(',')}`,
        ]
      : leaves(value, `${prefix}${key}.`),
  );

describe('the identity catalogue', () => {
  const en = leaves(catalogues.en.studentDetail.identity as Tree).sort();
  it.each(['kk', 'ru'] as const)('%s has exactly en’s keys, with the same placeholders', (language) => {
    expect(leaves(catalogues[language].studentDetail.identity as Tree).sort()).toEqual(en);
  });
});
