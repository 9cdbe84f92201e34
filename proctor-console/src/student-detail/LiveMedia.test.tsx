import type { MediaSource } from '@adal/shared';
import { AuthProvider, type CallApi, createI18n, LanguageProvider } from '@adal/shared/web';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LiveMedia } from './LiveMedia.js';
import type { StudentFeeds } from './use-student-feeds.js';

/** Rendered on the server side of React: no effects run, so no API call is made. */
const neverCalled: CallApi = async () => {
  throw new Error('the render made an API call');
};

/** The student's live sources as the watcher lists them; no track is needed to render the tiles. */
function render(live: MediaSource[]): string {
  const feeds: StudentFeeds = {
    status: { state: 'connected', error: null },
    media: { producers: [], live: new Set(live), missing: [], quality: 'good' },
    webcam: null,
    screen: null,
    phone: null,
    tab: null,
    audio: null,
  };
  return renderToString(
    <AuthProvider api={neverCalled}>
      <LanguageProvider i18n={createI18n('en')}>
        <LiveMedia feeds={feeds} listening={false} onListen={() => {}} />
      </LanguageProvider>
    </AuthProvider>,
  );
}

describe('live media of one student', () => {
  it('shows the exam tab tile only while the student sends the tab', () => {
    const sending = render(['webcam', 'microphone', 'screen', 'tab']);
    expect(sending).toContain('data-testid="detail-tab"');
    expect(sending).toContain('Exam tab');
    const notSending = render(['webcam', 'microphone', 'screen']);
    expect(notSending).not.toContain('data-testid="detail-tab"');
    expect(notSending).not.toContain('Exam tab');
    // The other tiles stay, empty or not.
    for (const source of ['webcam', 'screen', 'phone'])
      expect(notSending).toContain(`data-testid="detail-${source}"`);
  });
});
