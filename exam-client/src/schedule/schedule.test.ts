import { deviceCheckPolicies, type ScheduleEntry } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { applyAdmission, byStart, entryPath } from './schedule.js';

const STUDENT = '0d7f6a3c-5b1e-4c2d-8e9f-1a2b3c4d5e6f';
const entry = (sittingId: string, startsAt: string): ScheduleEntry => ({
  sittingId,
  discipline: { id: sittingId, code: 'INF101', name: 'Информатика' },
  kind: 'computer_test',
  controlKind: 'exam',
  startsAt,
  durationMinutes: 60,
  makeUpOf: null,
  access: 'red',
  admittedAt: null,
  deviceChecks: deviceCheckPolicies({}, 'computer_test'),
});

const A = entry('aaaaaaaa-0000-4000-8000-000000000001', '2026-11-23T09:00:00.000Z');
const B = entry('bbbbbbbb-0000-4000-8000-000000000002', '2026-11-22T09:00:00.000Z');

describe('applyAdmission', () => {
  it('turns the sitting green for this student', () => {
    const at = '2026-11-22T08:55:00.000Z';
    const next = applyAdmission(
      [A, B],
      { sittingId: B.sittingId, studentId: STUDENT, access: 'green', admittedAt: at },
      STUDENT,
    );
    expect(next.map((e) => e.access)).toEqual(['red', 'green']);
    expect(next[1]?.admittedAt).toBe(at);
  });

  it('ignores events about other students or unknown sittings', () => {
    const list = [A, B];
    const other = '11111111-2222-4333-8444-555555555555';
    expect(
      applyAdmission(
        list,
        { sittingId: A.sittingId, studentId: other, access: 'green', admittedAt: null },
        STUDENT,
      ),
    ).toBe(list);
    expect(
      applyAdmission(
        list,
        { sittingId: other, studentId: STUDENT, access: 'green', admittedAt: null },
        STUDENT,
      ),
    ).toBe(list);
  });
});

describe('byStart', () => {
  it('orders earliest first without changing the input', () => {
    const list = [A, B];
    expect(byStart(list).map((e) => e.sittingId)).toEqual([B.sittingId, A.sittingId]);
    expect(list[0]).toBe(A);
  });
});

describe('entryPath', () => {
  it('opens the pre-checks of a computer test and the sitting page of other exams', () => {
    expect(entryPath(A)).toBe(`/sittings/${A.sittingId}/test`);
    expect(entryPath({ ...A, kind: 'oral' })).toBe(`/sittings/${A.sittingId}`);
  });
});
