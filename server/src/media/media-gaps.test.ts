import { describe, expect, it } from 'vitest';
import { mediaGaps } from './media-gaps.js';

const anna = '11111111-1111-4111-8111-111111111111';
const bolat = '22222222-2222-4222-8222-222222222222';
const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 9, 0, s)).toISOString();

describe('media gaps', () => {
  it('pairs each stop with the next live of the same student and source', () => {
    const gaps = mediaGaps([
      { studentId: anna, source: 'webcam', state: 'live', reason: null, at: at(0) },
      { studentId: bolat, source: 'webcam', state: 'live', reason: null, at: at(1) },
      { studentId: anna, source: 'webcam', state: 'stopped', reason: 'transport_closed', at: at(10) },
      { studentId: anna, source: 'screen', state: 'stopped', reason: 'closed', at: at(11) },
      // A repeated stop while stopped keeps the first one's time and reason.
      { studentId: anna, source: 'webcam', state: 'stopped', reason: 'peer_left', at: at(12) },
      { studentId: bolat, source: 'webcam', state: 'live', reason: null, at: at(13) },
      { studentId: anna, source: 'webcam', state: 'live', reason: null, at: at(18) },
      { studentId: anna, source: 'webcam', state: 'stopped', reason: 'peer_left', at: at(30) },
    ]);
    expect(gaps).toEqual([
      { studentId: anna, source: 'webcam', from: at(10), to: at(18), reason: 'transport_closed' },
      { studentId: anna, source: 'screen', from: at(11), to: null, reason: 'closed' },
      { studentId: anna, source: 'webcam', from: at(30), to: null, reason: 'peer_left' },
    ]);
  });

  it('finds no gap in sources that only started', () => {
    expect(
      mediaGaps([
        { studentId: anna, source: 'phone', state: 'live', reason: null, at: at(0) },
        { studentId: anna, source: 'phone', state: 'live', reason: null, at: at(5) },
      ]),
    ).toEqual([]);
  });
});
