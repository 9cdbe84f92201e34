import type { ProducerInfo } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { connectionQuality, mediaByStudent } from './student-media.js';

const A = '7b0c5a52-8f59-4a52-9a3e-0c4f8e1f2a01';
const B = '1f4b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const producer = (studentId: string, source: ProducerInfo['source'], score: number | null): ProducerInfo => ({
  producerId: `${studentId}-${source}`,
  studentId,
  source,
  kind: source === 'microphone' ? 'audio' : 'video',
  paused: false,
  score,
});

describe('connection quality', () => {
  it('is offline without producers and pending until a score is known', () => {
    expect(connectionQuality([])).toBe('offline');
    expect(connectionQuality([producer(A, 'webcam', null)])).toBe('pending');
  });

  it('follows the worst known score', () => {
    expect(connectionQuality([producer(A, 'webcam', 10), producer(A, 'screen', 9)])).toBe('good');
    expect(connectionQuality([producer(A, 'webcam', 10), producer(A, 'screen', 5)])).toBe('fair');
    expect(connectionQuality([producer(A, 'webcam', 3), producer(A, 'microphone', null)])).toBe('poor');
  });
});

describe('media by student', () => {
  it('lists every student of the roster with the sources they lack', () => {
    const media = mediaByStudent(
      [producer(A, 'webcam', 10), producer(A, 'microphone', 10), producer(B, 'screen', 8)],
      [A, B],
    );
    expect(media.get(A)?.missing).toEqual(['screen', 'phone']);
    expect(media.get(B)?.missing).toEqual(['webcam', 'microphone', 'phone']);
    expect(media.get(B)?.quality).toBe('good');
  });

  it('never counts the optional exam tab as missing, and lists it live while sent', () => {
    const media = mediaByStudent([producer(A, 'webcam', 10), producer(A, 'tab', 9)], [A, B]);
    expect(media.get(A)?.live.has('tab')).toBe(true);
    expect(media.get(A)?.missing).toEqual(['microphone', 'screen', 'phone']);
    expect(media.get(B)?.missing).not.toContain('tab');
  });

  it('ignores producers of students not on the roster', () => {
    const media = mediaByStudent([producer(B, 'webcam', 10)], [A]);
    expect([...media.keys()]).toEqual([A]);
    expect(media.get(A)?.quality).toBe('offline');
  });
});
