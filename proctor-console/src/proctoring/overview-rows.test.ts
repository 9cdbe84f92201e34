import type { FlagEpisode, ProctoringOverview, ProctoringRow } from '@adal/shared';
import { DEFAULT_TRUST_WEIGHTS } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  applyHandedOver,
  byAttention,
  defaultFilter,
  filterCounts,
  filterRows,
  formatDuration,
  formatScore,
  keepUnchanged,
  matchesQuery,
  ongoingFirstStarted,
  orderByOverview,
  replaceRow,
  riskLevel,
  runningFor,
  tileRisks,
} from './overview-rows.js';

const SITTING = '00000000-0000-4000-8000-000000000001';
const ME = { id: '0000000a-0000-4000-8000-000000000001', fullName: 'Proctor A' };
const COLLEAGUE = { id: '0000000b-0000-4000-8000-000000000002', fullName: 'Proctor B' };
let serial = 0;
const id = () => `10000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;

function row(over: Partial<ProctoringRow> & { risk?: number }): ProctoringRow {
  const { risk = 0, ...rest } = over;
  return {
    studentId: id(),
    fullName: 'Student',
    iin: '000101500123',
    access: 'green',
    stage: 'in_test',
    proctor: ME,
    roomScan: 'none',
    trust: { risk, trust: 100 - risk, observedMs: 600_000, breakdown: [] },
    openFlags: 0,
    ongoing: [],
    needsAttention: false,
    lastEntryAt: null,
    ...rest,
  };
}

function overview(students: ProctoringRow[]): ProctoringOverview & { offset: number } {
  return {
    sittingId: SITTING,
    proctors: [ME, COLLEAGUE],
    weights: DEFAULT_TRUST_WEIGHTS,
    canAct: true,
    students,
    serverNow: '2026-06-01T09:00:00.000Z',
    offset: 0,
  };
}

function episode(over: Partial<FlagEpisode>): FlagEpisode {
  return {
    id: id(),
    type: 'no_face',
    startedAt: '2026-06-01T09:00:00.000Z',
    endedAt: null,
    confidence: 90,
    count: 1,
    loggedSeq: null,
    details: [],
    ...over,
  };
}

const names = (rows: readonly { fullName: string }[]) => rows.map((r) => r.fullName);

describe('byAttention', () => {
  it('puts "needs attention" first, then the highest risk, then names alphabetically', () => {
    const rows = [
      row({ fullName: 'Бекова Дана', risk: 80 }),
      row({ fullName: 'Әлиев Арман', risk: 10, needsAttention: true }),
      row({ fullName: 'Ахметов Нұрлан', risk: 10 }),
      row({ fullName: 'Абаев Ерлан', risk: 10 }),
      row({ fullName: 'Жұмабаева Әсел', risk: 40, needsAttention: true }),
    ];
    expect(names(byAttention(rows, 'kk-KZ'))).toEqual([
      'Жұмабаева Әсел',
      'Әлиев Арман',
      'Бекова Дана',
      'Абаев Ерлан',
      'Ахметов Нұрлан',
    ]);
  });

  it('compares fractional risks and leaves the input untouched', () => {
    const rows = [row({ fullName: 'A', risk: 12.4 }), row({ fullName: 'B', risk: 12.5 })];
    expect(names(byAttention(rows))).toEqual(['B', 'A']);
    expect(names(rows)).toEqual(['A', 'B']);
  });
});

describe('filterRows and defaultFilter', () => {
  const rows = [
    row({ fullName: 'Mine' }),
    row({ fullName: 'Theirs', proctor: COLLEAGUE }),
    row({ fullName: 'Nobody’s', proctor: null }),
  ];

  it('"My students" keeps the rows assigned to me; "All" keeps every row', () => {
    expect(names(filterRows(rows, 'mine', ME.id))).toEqual(['Mine']);
    expect(names(filterRows(rows, 'all', ME.id))).toEqual(['Mine', 'Theirs', 'Nobody’s']);
    expect(filterCounts(rows, ME.id)).toEqual({ mine: 1, all: 3 });
  });

  it('starts on "My students" only for a proctor of a sitting with several proctors', () => {
    expect(defaultFilter([ME, COLLEAGUE], ME.id)).toBe('mine');
    expect(defaultFilter([ME], ME.id)).toBe('all');
    // A commission member is not among the proctors: "mine" would always be empty.
    expect(defaultFilter([ME, COLLEAGUE], 'ffffffff-0000-4000-8000-000000000000')).toBe('all');
  });
});

describe('matchesQuery', () => {
  const student = { fullName: 'Әлиев Арман Серікұлы', iin: '040512500321' };

  it('matches every word against the name or the IIN, ignoring case', () => {
    expect(matchesQuery(student, '', 'kk-KZ')).toBe(true);
    expect(matchesQuery(student, '  әлиев  ', 'kk-KZ')).toBe(true);
    expect(matchesQuery(student, 'арман ӘЛИЕВ', 'kk-KZ')).toBe(true);
    expect(matchesQuery(student, '0512', 'kk-KZ')).toBe(true);
    expect(matchesQuery(student, 'Бекова', 'kk-KZ')).toBe(false);
    expect(matchesQuery(student, 'Әлиев Дана', 'kk-KZ')).toBe(false);
  });
});

describe('hand-over updates', () => {
  it('replaceRow swaps the answered row and ignores unknown students', () => {
    const a = row({ fullName: 'A' });
    const before = overview([a, row({ fullName: 'B' })]);
    const after = replaceRow(before, { ...a, proctor: COLLEAGUE });
    expect(after.students[0]?.proctor).toEqual(COLLEAGUE);
    expect(after.offset).toBe(0);
    expect(before.students[0]?.proctor).toEqual(ME);
    expect(replaceRow(before, row({ fullName: 'Stranger' }))).toBe(before);
  });

  it('applyHandedOver sets the new proctor of that student only, in that sitting only', () => {
    const a = row({ fullName: 'A' });
    const b = row({ fullName: 'B' });
    const before = overview([a, b]);
    const after = applyHandedOver(before, { sittingId: SITTING, studentId: a.studentId, proctor: COLLEAGUE });
    expect(after.students.map((s) => s.proctor?.id)).toEqual([COLLEAGUE.id, ME.id]);
    const elsewhere = { sittingId: id(), studentId: a.studentId, proctor: COLLEAGUE };
    expect(applyHandedOver(before, elsewhere)).toBe(before);
    expect(applyHandedOver(before, { sittingId: SITTING, studentId: a.studentId, proctor: ME })).toBe(before);
  });
});

describe('orderByOverview', () => {
  it('orders the live grid like the overview; students it lacks keep roster order at the end', () => {
    const a = row({ fullName: 'A', risk: 5 });
    const b = row({ fullName: 'B', risk: 50 });
    const c = row({ fullName: 'C', risk: 1, needsAttention: true });
    const roster = [
      a,
      b,
      c,
      { studentId: id(), fullName: 'Late 1' },
      { studentId: id(), fullName: 'Late 2' },
    ];
    expect(names(orderByOverview(roster, [a, b, c]))).toEqual(['C', 'B', 'A', 'Late 1', 'Late 2']);
  });

  it('keeps the roster order while the overview is missing', () => {
    const roster = [
      { studentId: id(), fullName: 'Z' },
      { studentId: id(), fullName: 'A' },
    ];
    expect(names(orderByOverview(roster, null))).toEqual(['Z', 'A']);
  });

  it('gives each tile its risk and marker', () => {
    const a = row({ risk: 42.5, needsAttention: true });
    expect(tileRisks([a]).get(a.studentId)).toEqual({ risk: 42.5, needsAttention: true });
    expect(tileRisks(null).size).toBe(0);
  });
});

describe('keepUnchanged', () => {
  it('reuses the previous objects of rows that did not change', () => {
    const a = row({ fullName: 'A' });
    const b = row({ fullName: 'B' });
    const previous = overview([a, b]);
    const next = {
      ...(JSON.parse(JSON.stringify(previous)) as typeof previous),
      serverNow: '2026-06-01T09:00:01.000Z',
      offset: 300,
    };
    next.students[1] = { ...b, openFlags: 2 };
    const merged = keepUnchanged(previous, next);
    expect(merged.students[0]).toBe(a);
    expect(merged.students[1]).not.toBe(b);
    expect(merged.students[1]?.openFlags).toBe(2);
    expect(merged.proctors).toBe(previous.proctors);
    expect(merged.serverNow).toBe('2026-06-01T09:00:01.000Z');
    // A few hundred milliseconds of jitter do not change the clock offset.
    expect(merged.offset).toBe(0);
    expect(keepUnchanged(previous, { ...next, offset: 5000 }).offset).toBe(5000);
  });
});

describe('formatting', () => {
  it('formats running durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(42_900)).toBe('0:42');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
    expect(formatDuration(-5000)).toBe('0:00');
  });

  it('measures an ongoing flag on the server clock', () => {
    const e = episode({ startedAt: '2026-06-01T09:00:00.000Z' });
    const local = Date.parse('2026-06-01T09:00:30.000Z');
    expect(runningFor(e, local, 0)).toBe(30_000);
    expect(runningFor(e, local, 15_000)).toBe(45_000);
    expect(runningFor(e, local, -60_000)).toBe(0);
  });

  it('lists only ongoing flags, the longest first', () => {
    const late = episode({ type: 'voice', startedAt: '2026-06-01T09:05:00.000Z' });
    const early = episode({ type: 'tab_switch', startedAt: '2026-06-01T09:01:00.000Z' });
    const over = episode({ endedAt: '2026-06-01T09:02:00.000Z' });
    expect(ongoingFirstStarted([late, over, early]).map((e) => e.type)).toEqual(['tab_switch', 'voice']);
  });

  it('shows scores with at most one decimal, in the reader’s locale', () => {
    expect(formatScore(7, 'en-GB')).toBe('7');
    expect(formatScore(12.5, 'en-GB')).toBe('12.5');
    expect(formatScore(12.5, 'ru-RU')).toBe('12,5');
    expect(formatScore(33.33, 'en-GB')).toBe('33.3');
  });

  it('bands the risk', () => {
    expect([0, 19.9, 20, 49.9, 50, 100].map(riskLevel)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });
});
