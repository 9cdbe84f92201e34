import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { accepted, rejected, SITTING, STUDENT, sheet, sheetSet } from './fixtures.js';
import { PageDraft } from './PageDraft.js';
import { PhotoWarnings } from './PhotoWarnings.js';
import { SheetPageList } from './SheetPageList.js';
import { newDraft } from './sheet-drafts.js';
import { UploadProgress } from './UploadProgress.js';

/** Rendered on the server side of React: no effects run, so no API call, upload or camera. */
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

const noop = () => {};

describe('a page to upload', () => {
  const html = render(
    <PageDraft
      sittingId={SITTING}
      draft={newDraft('a')}
      pageNumber={2}
      canMoveUp
      canMoveDown={false}
      focusOnMount={false}
      onMove={noop}
      onRemove={noop}
      onLocked={noop}
      onUploaded={noop}
    />,
  );

  it('has a labelled photo input that opens the phone camera, and a webcam button', () => {
    const id = html.match(/<label for="([^"]+)">Photo of page 2<\/label>/)?.[1];
    expect(id).toBeTruthy();
    expect(html).toMatch(
      new RegExp(`<input id="${id}" type="file" accept="image/\\*" capture="environment"`),
    );
    expect(html).toContain('>Take page 2 with the webcam</button>');
  });

  it('cannot upload before a photo is chosen; moves only where it can', () => {
    expect(html).toMatch(/<button type="button" class="button-primary" disabled="">Upload page 2<\/button>/);
    expect(html).toMatch(/aria-label="Move page 2 up"(?![^>]*disabled)/);
    expect(html).toMatch(/aria-label="Move page 2 down" disabled=""/);
    expect(html).toContain('aria-label="Remove page 2"');
    expect(html).toContain('data-page="2"');
  });
});

describe('the upload progress', () => {
  it('is a progress bar named by its page, with the percent as its value', () => {
    const html = render(<UploadProgress pageNumber={3} sent={512 * 1024} total={2 * 1024 * 1024} />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Upload of page 3"');
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain('width:25%');
  });
});

describe('the photo warnings', () => {
  it('lists what the checks found and says the upload is still possible', () => {
    const html = render(
      <PhotoWarnings
        state={{ sharpness: 12, blurred: true, brightness: 40, dark: true, cutSides: ['top', 'left'] }}
      />,
    );
    expect(html).toContain('data-warnings="blurred dark edges"');
    expect(html).toContain('The photo looks blurred');
    expect(html).toContain('too dark');
    expect(html).toContain('(top, left)');
    expect(html).toContain('You can still upload it');
  });

  it('says nothing about a good photo, and tells when the browser could not check it', () => {
    expect(
      render(
        <PhotoWarnings
          state={{ sharpness: 800, blurred: false, brightness: 180, dark: false, cutSides: [] }}
        />,
      ),
    ).toBe('');
    expect(render(<PhotoWarnings state={null} />)).toContain('the proctor will check it');
    expect(
      render(
        <PhotoWarnings
          state={{ sharpness: 8, blurred: true, brightness: 180, dark: false, cutSides: null }}
        />,
        'ru',
      ),
    ).toContain('Фото выглядит размытым');
  });
});

describe('the uploaded pages', () => {
  const one = accepted(sheet(1, 1));
  const two = rejected(sheet(2, 2), 'Sign the page');
  const three = sheet(3, 3, { blurred: true, sharpness: 40 });

  it('shows each page’s thumbnail, status and the proctor’s reason, with “Upload again” for a rejected page', () => {
    const html = render(
      <SheetPageList set={sheetSet([one, two, three])} replacing={new Set()} onUploadAgain={noop} />,
    );
    expect(html).toContain(
      `src="/api/sittings/${SITTING}/students/${STUDENT}/sheets/${one.id}/file?size=thumbnail"`,
    );
    expect(html).toContain('alt="Page 1 as uploaded"');
    expect(html).toMatch(/data-page="1"[^>]*data-status="accepted"/);
    expect(html).toContain('Status: Accepted');
    expect(html).toContain('Status: Rejected');
    expect(html).toContain('Reason: Other');
    expect(html).toContain('Proctor’s note: Sign the page');
    expect(html).toContain('Status: Waiting for the proctor');
    expect(html).toContain('The server’s check finds this photo blurred.');
    expect(html.match(/<button[^>]*>([^<]*)<\/button>/g)).toEqual([
      '<button type="button" class="button-primary">Upload page 2 again</button>',
    ]);
  });

  it('offers no “Upload again” once a new photo is under way or uploads are closed', () => {
    const replacing = render(
      <SheetPageList set={sheetSet([two])} replacing={new Set([2])} onUploadAgain={noop} />,
    );
    expect(replacing).not.toContain('Upload page 2 again');
    const closed = render(
      <SheetPageList set={sheetSet([two], { open: false })} replacing={new Set()} onUploadAgain={noop} />,
    );
    expect(closed).not.toContain('Upload page 2 again');
  });

  it('speaks Kazakh', () => {
    const html = render(
      <SheetPageList set={sheetSet([two])} replacing={new Set()} onUploadAgain={noop} />,
      'kk',
    );
    expect(html).toContain('Күйі: Қабылданбады');
    expect(html).toContain('2-бетті қайта жүктеу');
  });
});
