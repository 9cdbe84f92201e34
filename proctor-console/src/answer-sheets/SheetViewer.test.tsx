import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SITTING, STUDENT, sheet } from './fixtures.js';
import { SheetViewer } from './SheetViewer.js';

const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};
const noop = () => {};
const pages = [sheet(1), sheet(2, { blurred: true, sharpness: 40 }), sheet(3, { status: 'accepted' })];

function render(index: number, { replaced = false, canReview = true, language = 'en' as const } = {}) {
  const i18n = createI18n(language);
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={i18n}>
        <SheetViewer
          sittingId={SITTING}
          studentId={STUDENT}
          studentName="Нұрланқызы Айгерім"
          sheets={pages}
          index={index}
          replaced={replaced}
          canReview={canReview}
          onIndex={noop}
          onReviewed={noop}
          onClose={noop}
        />
      </LanguageProvider>
    </AuthProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
/** [accessible name, disabled] of each button. */
const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((m) => [
    m[1]?.match(/aria-label="([^"]*)"/)?.[1] ?? text(m[2] ?? '').trim(),
    /disabled=""/.test(m[1] ?? ''),
  ]);

describe('the page viewer', () => {
  it('is a dialog named by the student, the page and its place, with the full image', () => {
    const html = render(1);
    const title = html.match(/<dialog[^>]*aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toContain(`id="${title}">Нұрланқызы Айгерім: page 2 (2 of 3)</h2>`);
    expect(html).toContain(`src="${pages[1]?.imageUrl}"`);
    expect(html).toContain('alt="Page 2 of Нұрланқызы Айгерім"');
    expect(text(html)).toContain('Arrow keys: previous and next page');
    expect(text(html)).toContain('Blurred');
  });

  it('has zoom and page buttons with names, previous off on the first page, next off on the last', () => {
    expect(buttons(render(0))).toEqual(
      expect.arrayContaining([
        ['Previous page', true],
        ['Next page', false],
        ['Zoom out', false],
        ['Zoom in', false],
        ['Reset zoom', false],
        ['Close', false],
      ]),
    );
    expect(buttons(render(2))).toEqual(
      expect.arrayContaining([
        ['Previous page', false],
        ['Next page', true],
      ]),
    );
    expect(render(0)).toMatch(/role="group" aria-label="Zoom and pages"/);
  });

  it('offers accept and reject for a current page, not for an earlier version', () => {
    const names = buttons(render(1)).map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['Accept page 2', 'Reject page 2']));
    const earlier = render(1, { replaced: true });
    expect(earlier).toContain('earlier version of page 2');
    expect(buttons(earlier).map(([name]) => name)).not.toContain('Accept page 2');
    expect(buttons(render(1, { canReview: false })).map(([name]) => name)).not.toContain('Reject page 2');
  });
});
