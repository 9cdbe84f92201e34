import type { MediaSourceEvent } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { applySourceEvent, type OwnSources, sourcesReady } from './own-sources.js';

const SITTING = '11111111-1111-4111-8111-111111111111';
const ME = '22222222-2222-4222-8222-222222222222';
const event = (over: Partial<MediaSourceEvent>): MediaSourceEvent => ({
  sittingId: SITTING,
  studentId: ME,
  source: 'webcam',
  state: 'live',
  reason: null,
  at: '2026-11-22T10:00:00.000Z',
  ...over,
});
const apply = (sources: OwnSources, ...events: MediaSourceEvent[]) =>
  events.reduce((s, e) => applySourceEvent(s, e, SITTING, ME), sources);

describe('own sources', () => {
  it('is ready when both the webcam and the microphone are live', () => {
    const camera = apply({}, event({}));
    expect(sourcesReady(camera)).toBe(false);
    const both = apply(camera, event({ source: 'microphone' }));
    expect(sourcesReady(both)).toBe(true);
    const stopped = apply(
      both,
      event({ state: 'stopped', reason: 'closed', at: '2026-11-22T10:01:00.000Z' }),
    );
    expect(sourcesReady(stopped)).toBe(false);
  });

  it('ignores other students, other sittings, the screen and phone, and a stop older than what is kept', () => {
    const ready = apply({}, event({}), event({ source: 'microphone' }));
    const other = '33333333-3333-4333-8333-333333333333';
    expect(apply(ready, event({ studentId: other, state: 'stopped' }))).toBe(ready);
    expect(apply(ready, event({ sittingId: other, state: 'stopped' }))).toBe(ready);
    expect(apply(ready, event({ source: 'screen', state: 'stopped' }))).toBe(ready);
    // A reloaded page's old webcam is reported stopped after the new one went live.
    const late = event({ state: 'stopped', reason: 'peer_left', at: '2026-11-22T09:59:00.000Z' });
    expect(sourcesReady(apply(ready, late))).toBe(true);
  });
});
