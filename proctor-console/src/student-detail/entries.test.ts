import type { FlagEpisode, LogEntry } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  actorNameOf,
  applyEpisode,
  entryLabel,
  mergeEntries,
  snapshotIdOf,
  splitDuration,
} from './entries.js';

let nextSeq = 1;
const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  seq: nextSeq++,
  at: '2026-06-01T09:10:00.000Z',
  source: 'system',
  type: 'admitted',
  severity: 'info',
  text: '',
  evidence: null,
  durationMs: null,
  confidence: null,
  prevHash: 'a',
  hash: 'b',
  ...over,
});

describe('mergeEntries', () => {
  it('keeps one entry per seq, oldest first, whichever way they arrived', () => {
    const loaded = [entry({ seq: 1 }), entry({ seq: 2 })];
    const live = [entry({ seq: 3 }), entry({ seq: 2, text: 'duplicate from the event' })];
    const merged = mergeEntries(loaded, live);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(merged[1]?.text).toBe('');
    // An event that overtook the answer of the command that caused it.
    expect(mergeEntries([entry({ seq: 5 })], [entry({ seq: 4 })]).map((e) => e.seq)).toEqual([4, 5]);
  });
});

describe('entryLabel', () => {
  it('names automatic flags, proctor violations and system actions by their type', () => {
    expect(entryLabel(entry({ source: 'auto_flag', type: 'tab_switch' }))).toEqual({
      kind: 'flag',
      flag: 'tab_switch',
    });
    expect(entryLabel(entry({ source: 'proctor', type: 'third_person' }))).toEqual({
      kind: 'violation',
      violation: 'third_person',
    });
    expect(entryLabel(entry({ source: 'system', type: 'paused' }))).toEqual({
      kind: 'system',
      action: 'paused',
    });
  });

  it('names reviews with the entry they are about', () => {
    const review = entry({
      source: 'proctor',
      type: 'flag_dismissed',
      evidence: { refSeq: 7, byName: 'A. Proctor' },
    });
    expect(entryLabel(review)).toEqual({ kind: 'review', decision: 'dismissed', refSeq: 7 });
    expect(actorNameOf(review)).toBe('A. Proctor');
  });

  it('tells chat directions and lost sources apart', () => {
    expect(entryLabel(entry({ source: 'chat', type: 'to_proctor' }))).toEqual({
      kind: 'chat',
      direction: 'from_student',
    });
    expect(entryLabel(entry({ source: 'chat', type: 'to_student' }))).toEqual({
      kind: 'chat',
      direction: 'to_student',
    });
    expect(
      entryLabel(entry({ source: 'media', type: 'source_stopped', evidence: { source: 'screen' } })),
    ).toEqual({
      kind: 'source',
      state: 'stopped',
      source: 'screen',
    });
    expect(entryLabel(entry({ source: 'media', type: 'source_live', evidence: {} }))).toEqual({
      kind: 'source',
      state: 'live',
      source: null,
    });
  });

  it('keeps an unknown type visible instead of dropping it', () => {
    expect(entryLabel(entry({ source: 'auto_flag', type: 'gaze_v2' }))).toEqual({
      kind: 'other',
      type: 'gaze_v2',
    });
    expect(entryLabel(entry({ source: 'connection', type: 'reconnected' }))).toEqual({
      kind: 'other',
      type: 'reconnected',
    });
  });

  it('finds the evidence snapshot of a flag', () => {
    expect(
      snapshotIdOf(entry({ source: 'auto_flag', type: 'no_face', evidence: { snapshotId: 's-1' } })),
    ).toBe('s-1');
    expect(snapshotIdOf(entry())).toBeNull();
  });
});

describe('applyEpisode', () => {
  const episode = (over: Partial<FlagEpisode> = {}): FlagEpisode => ({
    id: 'e1',
    type: 'no_face',
    startedAt: '2026-06-01T09:10:00.000Z',
    endedAt: null,
    confidence: 80,
    count: 1,
    loggedSeq: null,
    details: [],
    ...over,
  });

  it('adds, grows and finally drops an episode once it is in the log', () => {
    const started = applyEpisode([], episode());
    expect(started).toHaveLength(1);
    const grown = applyEpisode(started, episode({ count: 2, confidence: 90 }));
    expect(grown).toEqual([episode({ count: 2, confidence: 90 })]);
    expect(applyEpisode(grown, episode({ endedAt: '2026-06-01T09:11:00.000Z', loggedSeq: 12 }))).toEqual([]);
  });
});

describe('splitDuration', () => {
  it('splits into minutes and seconds, rounding to the second', () => {
    expect(splitDuration(45_400)).toEqual({ minutes: 0, seconds: 45 });
    expect(splitDuration(125_000)).toEqual({ minutes: 2, seconds: 5 });
    expect(splitDuration(-5)).toEqual({ minutes: 0, seconds: 0 });
  });
});
