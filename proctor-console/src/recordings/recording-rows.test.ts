import type { SittingRecording } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  byStudent,
  carriesMicrophone,
  durationSeconds,
  formatDuration,
  megabytes,
  offerOf,
  sameDay,
} from './recording-rows.js';

const STUDENT_A = '11111111-1111-4111-8111-111111111111';
const STUDENT_B = '22222222-2222-4222-8222-222222222222';

function segment(over: Partial<SittingRecording>): SittingRecording {
  return {
    id: `x.${over.studentId ?? STUDENT_A}.${over.source ?? 'webcam'}.${over.start ?? ''}`,
    studentId: STUDENT_A,
    studentName: 'Әлиев Арман',
    source: 'webcam',
    kind: 'video',
    start: '2026-06-01T09:00:00.000Z',
    end: '2026-06-01T09:10:00.000Z',
    bytes: 12_000_000,
    status: 'complete',
    combinedWith: [],
    ...over,
  };
}

describe('byStudent', () => {
  it('groups per student in alphabetical order, each by start time then source', () => {
    const list = [
      segment({ studentId: STUDENT_B, studentName: 'Бекова Дана', source: 'screen', kind: 'video' }),
      segment({ source: 'screen', start: '2026-06-01T09:00:00.000Z' }),
      segment({ source: 'microphone', kind: 'audio', start: '2026-06-01T09:00:00.000Z' }),
      segment({ source: 'webcam', start: '2026-06-01T09:00:00.000Z' }),
      segment({ source: 'webcam', start: '2026-06-01T08:50:00.000Z' }),
    ];
    const groups = byStudent(list, 'kk-KZ');
    expect(groups.map((g) => g.studentName)).toEqual(['Әлиев Арман', 'Бекова Дана']);
    expect(groups[0]?.segments.map((s) => [s.start.slice(11, 16), s.source])).toEqual([
      ['08:50', 'webcam'],
      ['09:00', 'webcam'],
      ['09:00', 'microphone'],
      ['09:00', 'screen'],
    ]);
    expect(groups[1]?.segments).toHaveLength(1);
  });

  it('puts a microphone carried by a camera file right after that camera, even if it started first', () => {
    const webcam = segment({ id: 'cam', start: '2026-06-01T09:00:00.040Z', combinedWith: ['mic'] });
    const microphone = segment({
      id: 'mic',
      source: 'microphone',
      kind: 'audio',
      start: '2026-06-01T09:00:00.010Z',
      combinedWith: ['cam'],
    });
    const screen = segment({ id: 'screen', source: 'screen', start: '2026-06-01T09:00:00.020Z' });
    const [group] = byStudent([microphone, screen, webcam], 'en-GB');
    expect(group?.segments.map((s) => s.id)).toEqual(['screen', 'cam', 'mic']);
  });

  it('lists the exam tab as a recording of its own, after the other sources of the same moment', () => {
    const tab = segment({ id: 'tab', source: 'tab' });
    const screen = segment({ id: 'screen', source: 'screen' });
    const [group] = byStudent([tab, screen], 'en-GB');
    expect(group?.segments.map((s) => s.id)).toEqual(['screen', 'tab']);
    expect(offerOf(tab)).toBe('download');
  });

  it('is empty for no recordings', () => {
    expect(byStudent([], 'en-GB')).toEqual([]);
  });
});

describe('what a row offers', () => {
  it('a microphone recorded with the camera is in the camera file; alone it is its own download', () => {
    const webcam = segment({ combinedWith: ['mic'] });
    expect(carriesMicrophone(webcam)).toBe(true);
    expect(offerOf(webcam)).toBe('download');
    expect(offerOf(segment({ source: 'microphone', kind: 'audio', combinedWith: ['cam'] }))).toBe(
      'in-camera-file',
    );
    expect(offerOf(segment({ source: 'microphone', kind: 'audio' }))).toBe('download');
    expect(carriesMicrophone(segment({}))).toBe(false);
  });

  it('a segment still being recorded can be downloaded (what has arrived so far)', () => {
    expect(offerOf(segment({ status: 'recording', end: null, bytes: 0 }))).toBe('download');
  });
});

describe('durations and sizes', () => {
  it('duration is null while recording, whole seconds after', () => {
    expect(durationSeconds({ start: '2026-06-01T09:00:00.000Z', end: null })).toBeNull();
    expect(durationSeconds({ start: '2026-06-01T09:00:00.000Z', end: '2026-06-01T09:05:12.400Z' })).toBe(312);
  });

  it('formats m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(312)).toBe('5:12');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('megabytes with one decimal in the language, never 0.0 for something recorded', () => {
    expect(megabytes(12_345_678, 'en')).toBe('12.3');
    expect(megabytes(12_345_678, 'ru')).toBe('12,3');
    expect(megabytes(12_345_678, 'kk')).toBe('12,3');
    expect(megabytes(1_000, 'en')).toBe('0.1');
    expect(megabytes(0, 'en')).toBe('0.0');
  });

  it('same local day', () => {
    expect(sameDay('2026-06-01T09:00:00.000Z', '2026-06-01T09:10:00.000Z')).toBe(true);
    expect(sameDay('2026-06-01T09:00:00.000Z', '2026-06-03T09:10:00.000Z')).toBe(false);
  });
});
