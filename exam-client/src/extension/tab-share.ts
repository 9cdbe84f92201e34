import type { Publisher } from '@adal/shared/web/media';
import type { LockdownDeps } from './lockdown-session.js';

export type TabPublisher = Pick<Publisher, 'publish' | 'stop'>;

/**
 * The exam tab, captured from the extension's short-lived stream id, goes to the proctor as the
 * 'tab' source of the device check's publisher (read when the id arrives: it may come later).
 */
export function tabSharer(
  capture: (streamId: string) => Promise<MediaStreamTrack>,
  publisher: () => TabPublisher | null,
): Pick<LockdownDeps, 'shareTab' | 'unshareTab'> {
  return {
    shareTab: async (streamId) => {
      const track = await capture(streamId);
      const target = publisher();
      if (!target) {
        track.stop();
        throw new Error('the media connection is not ready');
      }
      target.publish('tab', track);
      return track;
    },
    unshareTab: () => publisher()?.stop('tab'),
  };
}
