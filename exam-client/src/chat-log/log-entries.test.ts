import type { FlagEpisode } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { entry, ME, SITTING } from './fixtures.js';
import { applyEpisode, isOwnEvent, mergeEntries } from './log-entries.js';

const seqs = (list: readonly { seq: number }[]) => list.map((e) => e.seq);

describe('mergeEntries', () => {
  it('appends new entries in seq order', () => {
    const merged = mergeEntries([entry(1), entry(2)], [entry(4), entry(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it('keeps each seq once: the event and the response of one message show once', () => {
    const sent = entry(3, { source: 'chat', type: 'to_proctor', text: 'My camera froze' });
    const afterEvent = mergeEntries([entry(1), entry(2)], [sent]);
    const afterResponse = mergeEntries(afterEvent, [{ ...sent }]);
    expect(seqs(afterResponse)).toEqual([1, 2, 3]);
    expect(afterResponse).toBe(afterEvent);
  });

  it('fills a gap when a refetch after a reconnect brings entries missed meanwhile', () => {
    const live = [entry(1), entry(2), entry(5)];
    const refetched = [1, 2, 3, 4, 5].map((seq) => entry(seq));
    expect(seqs(mergeEntries(live, refetched))).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps events that arrived before the first load finished', () => {
    const early = mergeEntries([], [entry(7)]);
    expect(seqs(mergeEntries(early, [entry(5), entry(6), entry(7)]))).toEqual([5, 6, 7]);
  });

  it('drops duplicates inside one batch', () => {
    expect(seqs(mergeEntries([], [entry(2), entry(2), entry(1)]))).toEqual([1, 2]);
  });
});

describe('isOwnEvent', () => {
  it('takes only this student’s log of this sitting', () => {
    expect(isOwnEvent({ sittingId: SITTING, studentId: ME }, SITTING, ME)).toBe(true);
    expect(isOwnEvent({ sittingId: SITTING, studentId: SITTING }, SITTING, ME)).toBe(false);
    expect(isOwnEvent({ sittingId: ME, studentId: ME }, SITTING, ME)).toBe(false);
    expect(isOwnEvent({ sittingId: SITTING, studentId: ME }, SITTING, undefined)).toBe(false);
  });
});

describe('applyEpisode', () => {
  const episode = (id: string, over: Partial<FlagEpisode> = {}): FlagEpisode => ({
    id,
    type: 'no_face',
    startedAt: '2026-11-22T10:00:00.000Z',
    endedAt: null,
    confidence: 80,
    count: 1,
    loggedSeq: null,
    details: [],
    ...over,
  });
  const A = '33333333-3333-4333-8333-333333333333';
  const B = '44444444-4444-4444-8444-444444444444';

  it('keeps episodes going on, oldest first, the newest report of each', () => {
    let ongoing = applyEpisode([], episode(B, { startedAt: '2026-11-22T10:00:05.000Z', type: 'voice' }));
    ongoing = applyEpisode(ongoing, episode(A));
    ongoing = applyEpisode(ongoing, episode(A, { confidence: 95, count: 2 }));
    expect(ongoing.map((e) => [e.id, e.confidence])).toEqual([
      [A, 95],
      [B, 80],
    ]);
  });

  it('lets an episode go once it ended or was logged', () => {
    const ongoing = applyEpisode(applyEpisode([], episode(A)), episode(B));
    expect(
      applyEpisode(ongoing, episode(A, { endedAt: '2026-11-22T10:00:12.000Z' })).map((e) => e.id),
    ).toEqual([B]);
    expect(applyEpisode(ongoing, episode(B, { loggedSeq: 9 })).map((e) => e.id)).toEqual([A]);
  });

  it('does not add an episode that is already over', () => {
    expect(applyEpisode([], episode(A, { endedAt: '2026-11-22T10:00:12.000Z' }))).toEqual([]);
  });
});
