import { describe, expect, it } from 'vitest';
import { RecordingId } from './recordings.js';

const SITTING = '7b0c5a52-8f59-4a52-9a3e-0c4f8e1f2a01';
const STUDENT = '1f4b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const idOf = (source: string) => `${SITTING}.${STUDENT}.${source}.20261207T091500123Z.a1b2c3`;

describe('recording ids', () => {
  it('name every media source the SFU records, the exam tab included', () => {
    for (const source of ['webcam', 'microphone', 'screen', 'phone', 'tab'])
      expect(RecordingId.safeParse(idOf(source)).success).toBe(true);
  });

  it('refuse a source that is not one', () => {
    expect(RecordingId.safeParse(idOf('window')).success).toBe(false);
    expect(RecordingId.safeParse(`../${idOf('tab')}`).success).toBe(false);
  });
});
