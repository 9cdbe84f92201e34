import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../api/violations.js';
import { reviewsOf, trustInput, unreviewed } from './log-metrics.js';

const T0 = Date.parse('2026-11-22T09:00:00Z');
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();
let seq = 0;
const entry = (at: number, e: Partial<LogEntry>): LogEntry => ({
  seq: ++seq,
  at: iso(at),
  source: 'system',
  type: 'x',
  severity: 'info',
  text: '',
  evidence: null,
  durationMs: null,
  confidence: null,
  prevHash: '',
  hash: '',
  ...e,
});

function sampleLog() {
  seq = 0;
  return [
    entry(0, { source: 'media', type: 'source_live', evidence: { source: 'webcam', seenAt: iso(0) } }),
    entry(10, { type: 'attempt_started' }),
    entry(130, {
      source: 'auto_flag',
      type: 'no_face',
      durationMs: 60_000,
      evidence: { startedAt: iso(60), endedAt: iso(120), count: 3 },
    }),
    entry(200, { source: 'media', type: 'source_stopped', evidence: { source: 'webcam', seenAt: iso(200) } }),
    entry(230, { source: 'media', type: 'source_live', evidence: { source: 'webcam', seenAt: iso(230) } }),
    entry(300, {
      source: 'auto_flag',
      type: 'copy_paste',
      evidence: { startedAt: iso(300), endedAt: iso(300), count: 2 },
    }),
    entry(400, { source: 'proctor', type: 'talking', severity: 'high', text: 'Talking.' }),
    entry(600, { type: 'finished' }),
    // After the end: a source stopping as the student closes the page is not held against them.
    entry(610, { source: 'media', type: 'source_stopped', evidence: { source: 'webcam', seenAt: iso(610) } }),
  ];
}

describe('trustInput', () => {
  it('sums episodes, gaps and counts within the time the student was observed', () => {
    const input = trustInput(sampleLog(), [], T0 + 10_000_000);
    expect(input.observedMs).toBe(600_000);
    expect(input.durations).toEqual({ no_face: 60_000, camera_off: 30_000 });
    expect(input.counts).toEqual({ copy_paste: 2, proctor_violations: 2 });
  });

  it('leaves out what a proctor dismissed, and the latest review wins', () => {
    const log = sampleLog();
    const noFace = log[2] as LogEntry;
    const gap = log[3] as LogEntry;
    log.push(
      entry(700, {
        source: 'proctor',
        type: 'flag_confirmed',
        text: 'Seen.',
        evidence: { refSeq: noFace.seq },
      }),
      entry(701, {
        source: 'proctor',
        type: 'flag_dismissed',
        text: 'Lamp.',
        evidence: { refSeq: noFace.seq, byName: 'P' },
      }),
      entry(702, {
        source: 'proctor',
        type: 'flag_dismissed',
        text: 'Network.',
        evidence: { refSeq: gap.seq },
      }),
    );
    expect(reviewsOf(log).get(noFace.seq)).toMatchObject({
      decision: 'dismissed',
      reason: 'Lamp.',
      byName: 'P',
    });
    const input = trustInput(log, [], T0 + 10_000_000);
    expect(input.durations).toEqual({});
    expect(unreviewed(log).map((e) => e.type)).toEqual(['copy_paste', 'source_stopped']);
  });

  it('counts a flag still going on up to now', () => {
    seq = 0;
    const log = [
      entry(0, { source: 'media', type: 'source_live', evidence: { source: 'webcam', seenAt: iso(0) } }),
    ];
    const ongoing = [
      {
        id: '00000000-0000-4000-8000-000000000001',
        type: 'multiple_faces' as const,
        startedAt: iso(50),
        endedAt: null,
        confidence: 80,
        count: 1,
        loggedSeq: null,
        details: [],
      },
    ];
    const input = trustInput(log, ongoing, T0 + 100_000);
    expect(input).toEqual({ durations: { multiple_faces: 50_000 }, counts: {}, observedMs: 100_000 });
  });
});
