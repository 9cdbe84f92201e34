import { describe, expect, it } from 'vitest';
import {
  currentDefender,
  type DefenceInterruption,
  type DefenceRecord,
  type DefenceSlot,
  defenceSchedule,
  defenceStage,
  nextDefender,
  talkElapsedMs,
  talkTimerMs,
  talkWarning,
} from './defence-schedule.js';

const MINUTE = 60_000;
/** Minutes after 09:00 of the defence day. */
const at = (minute: number) => new Date(Date.UTC(2026, 5, 12, 9, 0) + minute * MINUTE);
const LIST = ['s1', 's2', 's3'];

const record = (patch: Partial<DefenceRecord> & { startedAt: Date }): DefenceRecord => ({
  talkEndedAt: null,
  finishedAt: null,
  outcome: null,
  interruptions: [],
  ...patch,
});
const interruption = (from: number, to: number | null, decision: 'resume' | 'stop' | null = null) =>
  ({
    interruptedAt: at(from),
    decidedAt: to === null ? null : at(to),
    decision: to === null ? null : (decision ?? 'resume'),
  }) satisfies DefenceInterruption;

function schedule(records: Record<string, DefenceRecord>, now: number, studentIds = LIST): DefenceSlot[] {
  return defenceSchedule({
    startsAt: at(0),
    slotMinutes: 15,
    studentIds,
    records: new Map(Object.entries(records)),
    now: at(now),
  });
}
/** [expected start, shift] of each slot, in minutes after 09:00. */
const starts = (slots: DefenceSlot[]) =>
  slots.map((s) => [(s.expectedStart.getTime() - at(0).getTime()) / MINUTE, s.shiftMinutes]);

describe('the thesis defence schedule', () => {
  it('gives each student a 15-minute slot in list order', () => {
    const slots = schedule({}, -20);
    expect(slots.map((s) => [s.studentId, s.place, s.stage])).toEqual([
      ['s1', 1, 'waiting'],
      ['s2', 2, 'waiting'],
      ['s3', 3, 'waiting'],
    ]);
    expect(slots.map((s) => s.plannedStart)).toEqual([at(0), at(15), at(30)]);
    expect(starts(slots)).toEqual([
      [0, 0],
      [15, 0],
      [30, 0],
    ]);
    expect(slots[2]?.expectedEnd).toEqual(at(45));
  });

  it('pushes everyone after a defence that runs over its slot', () => {
    const running = { s1: record({ startedAt: at(0), talkEndedAt: at(11) }) };
    // Within its slot: nobody moves.
    expect(starts(schedule(running, 12))).toEqual([
      [0, 0],
      [15, 0],
      [30, 0],
    ]);
    // Twenty minutes in: it ends "now" at the earliest, and the rest follow.
    const late = schedule(running, 20);
    expect(late[0]?.stage).toBe('questions');
    expect(late[0]?.expectedEnd).toEqual(at(20));
    expect(starts(late)).toEqual([
      [0, 0],
      [20, 5],
      [35, 5],
    ]);
  });

  it('adds an open interruption to the running slot and everyone after it', () => {
    const slots = schedule({ s1: record({ startedAt: at(0), interruptions: [interruption(5, null)] }) }, 9);
    expect(slots[0]?.stage).toBe('interrupted');
    expect(slots[0]?.interruptedMs).toBe(4 * MINUTE);
    expect(slots[0]?.expectedEnd).toEqual(at(19));
    expect(starts(slots)).toEqual([
      [0, 0],
      [19, 4],
      [34, 4],
    ]);
  });

  it('keeps the time a decided interruption took, once the defence resumed', () => {
    const slots = schedule(
      { s1: record({ startedAt: at(0), interruptions: [interruption(5, 8, 'resume')] }) },
      9,
    );
    expect(slots[0]?.stage).toBe('talk');
    expect(slots[0]?.expectedEnd).toEqual(at(18));
    expect(starts(slots).slice(1)).toEqual([
      [18, 3],
      [33, 3],
    ]);
  });

  it('does not count interruptions as talk time', () => {
    const talking = record({ startedAt: at(0), interruptions: [interruption(2, 5)] });
    expect(talkElapsedMs(talking, at(7))).toBe(4 * MINUTE);
    // While interrupted the timer stands still.
    const open = record({ startedAt: at(0), interruptions: [interruption(2, null)] });
    expect(talkElapsedMs(open, at(3))).toBe(2 * MINUTE);
    expect(talkElapsedMs(open, at(30))).toBe(2 * MINUTE);
    // Once the talk ended, the timer keeps its value; an interruption during questions is not in it.
    const ended = record({
      startedAt: at(0),
      talkEndedAt: at(8),
      interruptions: [interruption(2, 5), interruption(10, 12)],
    });
    expect(talkElapsedMs(ended, at(20))).toBe(5 * MINUTE);
    expect(schedule({ s1: ended }, 13)[0]?.talkElapsedMs).toBe(5 * MINUTE);
  });

  it('keeps the real times of defended and stopped defences', () => {
    const early = schedule(
      { s1: record({ startedAt: at(0), talkEndedAt: at(9), finishedAt: at(12), outcome: 'defended' }) },
      12,
    );
    expect(early[0]).toMatchObject({ stage: 'defended', expectedStart: at(0), expectedEnd: at(12) });
    expect(early[0]?.talkElapsedMs).toBe(9 * MINUTE);
    // Finished early: the next one still starts at the time they were given.
    expect(starts(early).slice(1)).toEqual([
      [15, 0],
      [30, 0],
    ]);

    const stopped = schedule(
      {
        s1: record({
          startedAt: at(0),
          finishedAt: at(6),
          outcome: 'stopped',
          interruptions: [interruption(4, 6, 'stop')],
        }),
        s2: record({ startedAt: at(16), talkEndedAt: at(26), finishedAt: at(33), outcome: 'defended' }),
      },
      40,
    );
    expect(stopped.map((s) => s.stage)).toEqual(['stopped', 'defended', 'waiting']);
    expect(stopped[0]).toMatchObject({ expectedEnd: at(6), interruptedMs: 2 * MINUTE });
    expect(stopped[0]?.talkElapsedMs).toBe(4 * MINUTE);
    expect(stopped[1]).toMatchObject({ expectedStart: at(16), expectedEnd: at(33), shiftMinutes: 1 });
    // Nobody defends and the third one's time has passed: they can start now, not in the past.
    expect(starts(stopped)[2]).toEqual([40, 10]);
    expect(defenceStage(undefined)).toBe('waiting');
  });

  it('never schedules a waiting student in the past nor before their planned time', () => {
    // The sitting started 40 minutes ago and nobody has defended: the first can start now.
    expect(starts(schedule({}, 40))).toEqual([
      [40, 40],
      [55, 40],
      [70, 40],
    ]);
    // The first finished at 10: at 12 the second still waits for 15; at 20 they start now.
    const done = { s1: record({ startedAt: at(0), finishedAt: at(10), outcome: 'defended' }) };
    expect(starts(schedule(done, 12))[1]).toEqual([15, 0]);
    expect(starts(schedule(done, 20))[1]).toEqual([20, 5]);
    for (const now of [-30, 0, 7, 22, 90])
      for (const slot of schedule(done, now).filter((s) => s.stage === 'waiting')) {
        expect(slot.expectedStart.getTime()).toBeGreaterThanOrEqual(slot.plannedStart.getTime());
        expect(slot.expectedStart.getTime()).toBeGreaterThanOrEqual(at(now).getTime());
        expect(slot.expectedEnd.getTime() - slot.expectedStart.getTime()).toBe(15 * MINUTE);
      }
  });

  it('names who defends now and who would be started next', () => {
    const slots = schedule(
      {
        s1: record({ startedAt: at(0), finishedAt: at(14), outcome: 'defended' }),
        s2: record({ startedAt: at(15), interruptions: [interruption(17, null)] }),
      },
      18,
    );
    expect(currentDefender(slots)).toBe('s2');
    expect(nextDefender(slots, () => true)).toBe('s3');
    expect(nextDefender(slots, (id) => id !== 's3')).toBeNull();
    expect(currentDefender(schedule({}, 0))).toBeNull();
  });
});

describe('the talk timer', () => {
  it('warns at 7 minutes and says time is up at 10', () => {
    expect(talkWarning(0, 7, 10)).toBe('none');
    expect(talkWarning(7 * MINUTE - 1, 7, 10)).toBe('none');
    expect(talkWarning(7 * MINUTE, 7, 10)).toBe('warn');
    expect(talkWarning(10 * MINUTE - 1, 7, 10)).toBe('warn');
    expect(talkWarning(10 * MINUTE, 7, 10)).toBe('over');
    expect(talkWarning(25 * MINUTE, 7, 10)).toBe('over');
    // The thresholds are the sitting's policies, not constants.
    expect(talkWarning(5 * MINUTE, 5, 8)).toBe('warn');
  });

  it('counts on from the server’s value only while the student talks', () => {
    const serverNow = at(0).toISOString();
    const later = at(2).getTime();
    expect(talkTimerMs({ stage: 'talk', talkElapsedMs: 6 * MINUTE }, serverNow, later)).toBe(8 * MINUTE);
    // A client clock a little behind the stamp never counts backwards.
    expect(talkTimerMs({ stage: 'talk', talkElapsedMs: MINUTE }, serverNow, at(-1).getTime())).toBe(MINUTE);
    for (const stage of ['interrupted', 'questions', 'defended', 'stopped', 'waiting'] as const)
      expect(talkTimerMs({ stage, talkElapsedMs: 3 * MINUTE }, serverNow, later)).toBe(3 * MINUTE);
  });
});
