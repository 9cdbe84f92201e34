import { describe, expect, it } from 'vitest';
import { callBlock, type OralQueueStudent, oralQueue } from './oral-queue.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const student = (n: number, patch: Partial<OralQueueStudent> = {}): OralQueueStudent => ({
  studentId: `s${n}`,
  fullName: `Student ${n}`,
  admitted: true,
  ended: false,
  drawnAt: null,
  calledAt: null,
  answeredAt: null,
  ...patch,
});

describe('the oral queue', () => {
  it('waits for every present student to draw, then 20 minutes after the last draw', () => {
    const roster = [student(1, { drawnAt: at(5) }), student(2, { drawnAt: at(9) }), student(3)];
    const drawing = oralQueue(roster, 20);
    expect(drawing.lastDrawAt).toBeNull();
    expect(callBlock(drawing, at(50))).toBe('still_drawing');

    const drawn = oralQueue([...roster.slice(0, 2), student(3, { drawnAt: at(7) })], 20);
    expect(drawn.lastDrawAt).toEqual(at(9));
    expect(drawn.questioningStartsAt).toEqual(at(29));
    expect(callBlock(drawn, at(28))).toBe('too_early');
    expect(callBlock(drawn, at(29))).toBeNull();
    expect(drawn.next).toBe('s1');
  });

  it('leaves absent students out of the places and the wait', () => {
    const q = oralQueue(
      [student(1, { admitted: false }), student(2, { drawnAt: at(1) }), student(3, { ended: true })],
      30,
    );
    expect(q.rows.map((r) => [r.stage, r.place])).toEqual([
      ['absent', null],
      ['preparing', 1],
      ['absent', null],
    ]);
    expect(q.questioningStartsAt).toEqual(at(31));
  });

  it('calls in list order, not drawing order, and lets a latecomer join once questioning began', () => {
    const q = oralQueue(
      [
        student(1, { drawnAt: at(3), calledAt: at(30), answeredAt: at(40) }),
        student(2, { drawnAt: at(1), calledAt: at(40) }),
        student(3, { drawnAt: at(2) }),
        student(4),
      ],
      20,
    );
    expect(q.answering).toBe('s2');
    expect(q.next).toBe('s3');
    expect(q.lastDrawAt).toBeNull();
    expect(callBlock(q, at(41))).toBeNull();
  });

  it('has nobody left once everyone answered', () => {
    const q = oralQueue([student(1, { drawnAt: at(1), calledAt: at(30), answeredAt: at(35) })], 20);
    expect(q.next).toBeNull();
    expect(callBlock(q, at(36))).toBe('nobody_left');
    expect(callBlock(oralQueue([student(1, { admitted: false })], 20), at(0))).toBe('nobody_left');
  });
});
