import { describe, expect, it } from 'vitest';
import type { EpisodeRow } from './flag-episodes.js';
import { MAX_DETAILS, merged, withDetail } from './flag-intake.js';

const t = (s: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, s));
const episode = (over: Partial<EpisodeRow> = {}): EpisodeRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  sittingId: '00000000-0000-4000-8000-00000000000a',
  studentId: '00000000-0000-4000-8000-00000000000b',
  type: 'no_face',
  startedAt: t(0),
  endedAt: null,
  details: [],
  lastReportAt: t(5),
  confidence: 60,
  clientIds: ['a'],
  openClientIds: ['a'],
  snapshotId: null,
  loggedSeq: null,
  createdAt: t(0),
  ...over,
});

describe('merged (one flag episode, many reports)', () => {
  it('keeps an episode open while its client says it goes on, and ends it when it says so', () => {
    const still = merged(episode(), 'a', t(0), null, 70, null, t(10).getTime());
    expect(still).toMatchObject({ endedAt: null, confidence: 70, clientIds: ['a'], openClientIds: ['a'] });
    const over = merged(episode(), 'a', t(0), t(12), 50, null, t(12).getTime());
    expect(over).toMatchObject({ endedAt: t(12), confidence: 60, openClientIds: [] });
  });

  it('counts a retried report once and a new client episode once more', () => {
    const retried = merged(episode({ clientIds: ['a', 'b'] }), 'b', t(3), t(4), 10, null, 0);
    expect(retried.clientIds).toEqual(['a', 'b']);
    const another = merged(episode(), 'c', t(3), t(4), 10, null, 0);
    expect(another.clientIds).toEqual(['a', 'c']);
  });

  it('stays open while any client still reports it, and spans the earliest start to the latest end', () => {
    const two = merged(episode({ openClientIds: ['a'] }), 'b', t(-5), t(20), 90, null, 0);
    expect(two).toMatchObject({ startedAt: t(-5), endedAt: null, openClientIds: ['a'] });
    const last = merged(episode({ openClientIds: [], endedAt: t(20) }), 'b', t(25), t(30), 90, null, 0);
    expect(last).toMatchObject({ startedAt: t(0), endedAt: t(30) });
  });

  it('keeps the first snapshot', () => {
    const first = '00000000-0000-4000-8000-0000000000f1';
    const second = '00000000-0000-4000-8000-0000000000f2';
    expect(merged(episode({ snapshotId: first }), 'a', t(0), null, 1, second, 0).snapshotId).toBe(first);
    expect(merged(episode(), 'a', t(0), null, 1, second, 0).snapshotId).toBe(second);
  });
});

describe('withDetail (what an episode says it was about)', () => {
  it('adds a new detail, keeps each once, and keeps the first ten', () => {
    expect(withDetail([], undefined)).toEqual([]);
    expect(withDetail([], 'example.com')).toEqual(['example.com']);
    expect(withDetail(['example.com'], 'example.com')).toEqual(['example.com']);
    const ten = Array.from({ length: MAX_DETAILS }, (_, i) => `host${i}.kz`);
    expect(withDetail(ten, 'late.kz')).toEqual(ten);
    expect(withDetail(ten.slice(0, 9), 'late.kz')).toEqual([...ten.slice(0, 9), 'late.kz']);
  });

  it('leaves the list it was given alone', () => {
    const details = ['paste'];
    withDetail(details, 'copy');
    expect(details).toEqual(['paste']);
  });
});
