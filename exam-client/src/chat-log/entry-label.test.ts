import { describe, expect, it } from 'vitest';
import { authorOf, clockTime, detailsOf, durationParts, entryTextOf, labelOf } from './entry-label.js';
import { entry, system } from './fixtures.js';

describe('labelOf', () => {
  it('names each known source and type', () => {
    expect(labelOf(entry(1, { source: 'auto_flag', type: 'no_face' }))).toEqual({
      source: 'auto_flag',
      type: 'no_face',
    });
    expect(labelOf(entry(1, { source: 'proctor', type: 'cheat_sheet' }))).toEqual({
      source: 'proctor',
      type: 'cheat_sheet',
    });
    expect(labelOf(entry(1, { source: 'proctor', type: 'flag_dismissed' }))).toEqual({
      source: 'proctor',
      type: 'flag_dismissed',
    });
    expect(labelOf(system(1, 'room_scan_requested'))).toEqual({
      source: 'system',
      type: 'room_scan_requested',
    });
    expect(labelOf(entry(1, { source: 'chat', type: 'to_student' }))).toEqual({
      source: 'chat',
      type: 'to_student',
    });
  });

  it('names the device of a media entry, or none when the evidence lacks it', () => {
    const stopped = entry(1, { source: 'media', type: 'source_stopped', evidence: { source: 'screen' } });
    expect(labelOf(stopped)).toEqual({ source: 'media', type: 'source_stopped', device: 'screen' });
    const bare = entry(1, { source: 'media', type: 'source_live', evidence: { source: 'hologram' } });
    expect(labelOf(bare)).toEqual({ source: 'media', type: 'source_live', device: null });
  });

  it('falls back to the raw type for what it does not know', () => {
    expect(labelOf(entry(1, { source: 'connection', type: 'reconnected' }))).toEqual({
      source: 'raw',
      type: 'reconnected',
    });
    expect(labelOf(entry(1, { source: 'auto_flag', type: 'gaze_drift' }))).toEqual({
      source: 'raw',
      type: 'gaze_drift',
    });
    // A type from another source is not borrowed: a chat "warned" is not the system's warning.
    expect(labelOf(entry(1, { source: 'chat', type: 'warned' }))).toEqual({ source: 'raw', type: 'warned' });
  });
});

describe('entryTextOf', () => {
  it('shows what a person wrote', () => {
    expect(entryTextOf(system(1, 'warned', ' Eyes on the screen '))).toBe('Eyes on the screen');
    expect(entryTextOf(system(1, 'terminated', 'A phone on the desk'))).toBe('A phone on the desk');
    expect(entryTextOf(entry(1, { source: 'chat', type: 'to_proctor', text: 'No sound' }))).toBe('No sound');
    expect(entryTextOf(entry(1, { source: 'proctor', type: 'talking', text: 'Talking to someone' }))).toBe(
      'Talking to someone',
    );
  });

  it('hides the platform’s own record text and empty text', () => {
    expect(
      entryTextOf(system(1, 'suspended', 'Suspended: webcam stopped. Turn it back on to continue.')),
    ).toBeNull();
    expect(entryTextOf(entry(1, { source: 'media', type: 'source_stopped', text: 'stopped' }))).toBeNull();
    expect(entryTextOf(system(1, 'warned', '   '))).toBeNull();
  });
});

describe('authorOf', () => {
  it('names the proctor on their messages only', () => {
    const toStudent = entry(1, {
      source: 'chat',
      type: 'to_student',
      evidence: { authorName: 'Aigerim Sadykova' },
    });
    expect(authorOf(toStudent)).toBe('Aigerim Sadykova');
    expect(
      authorOf(entry(1, { source: 'chat', type: 'to_proctor', evidence: { authorName: 'Me' } })),
    ).toBeNull();
    expect(
      authorOf(entry(1, { source: 'chat', type: 'to_student', evidence: { authorName: 5 } })),
    ).toBeNull();
  });
});

describe('durationParts', () => {
  it('says seconds, minutes and seconds, or hours and minutes', () => {
    expect(durationParts(12_400)).toEqual({ unit: 'seconds', s: 12 });
    expect(durationParts(185_000)).toEqual({ unit: 'minutes', m: 3, s: '05' });
    expect(durationParts(3_720_000)).toEqual({ unit: 'hours', h: 1, m: '02' });
  });

  it('never goes below zero (a computer clock behind the server’s)', () => {
    expect(durationParts(-4_000)).toEqual({ unit: 'seconds', s: 0 });
  });
});

describe('clockTime', () => {
  it('gives the local time to the second', () => {
    const at = new Date(2026, 10, 22, 9, 5, 7).toISOString();
    expect(clockTime(at)).toBe('09:05:07');
  });
});

describe('detailsOf', () => {
  it('gives what an automatic flag was about, and nothing for other entries or odd evidence', () => {
    const flag = (evidence: Record<string, unknown> | null) =>
      entry(1, { source: 'auto_flag', type: 'navigation_blocked', evidence });
    expect(detailsOf(flag({ details: ['example.com', 'chat.openai.com'] }))).toEqual([
      'example.com',
      'chat.openai.com',
    ]);
    expect(detailsOf(flag(null))).toEqual([]);
    expect(detailsOf(flag({ details: 'example.com' }))).toEqual([]);
    expect(detailsOf(flag({ details: ['ok.kz', 3, ''] }))).toEqual(['ok.kz']);
    expect(detailsOf(entry(2, { source: 'system', evidence: { details: ['x'] } }))).toEqual([]);
  });
});
