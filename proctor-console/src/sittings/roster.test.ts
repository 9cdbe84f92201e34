import { defaultPolicies, ROLES, type SittingWithRoster } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import { admittedCount, applyAdmission, canSetAdmission, replaceRosterEntry } from './roster.js';

const SITTING = 'aaaaaaaa-0000-4000-8000-000000000001';
const S1 = '11111111-0000-4000-8000-000000000001';
const S2 = '11111111-0000-4000-8000-000000000002';

const sitting: SittingWithRoster = {
  sittingId: SITTING,
  discipline: { id: SITTING, code: 'INF101', name: 'Информатика' },
  group: { id: SITTING, name: 'ИС-22-1' },
  kind: 'oral',
  controlKind: 'exam',
  startsAt: '2026-11-22T09:00:00.000Z',
  durationMinutes: 90,
  policies: defaultPolicies('oral'),
  makeUpOf: null,
  students: [
    { studentId: S1, fullName: 'Әлия', iin: '000101500017', access: 'red', admittedAt: null },
    { studentId: S2, fullName: 'Данияр', iin: '000202600018', access: 'red', admittedAt: null },
  ],
};

describe('canSetAdmission', () => {
  it('lets proctors, the technical secretary and admins admit, and nobody else', () => {
    const allowed = ROLES.filter(canSetAdmission);
    expect(allowed).toEqual(['proctor', 'technical_secretary', 'admin']);
  });
});

describe('applyAdmission', () => {
  it('flips only the named student on the named sitting', () => {
    const at = '2026-11-22T08:58:00.000Z';
    const [next] = applyAdmission([sitting], {
      sittingId: SITTING,
      studentId: S2,
      access: 'green',
      admittedAt: at,
    });
    expect(next?.students.map((s) => s.access)).toEqual(['red', 'green']);
    expect(next?.students[1]?.admittedAt).toBe(at);
    expect(next && admittedCount(next)).toBe(1);
    expect(sitting.students[1]?.access).toBe('red');
  });

  it('leaves the list untouched for unknown sittings or students', () => {
    const list = [sitting];
    const unknown = '99999999-0000-4000-8000-000000000009';
    expect(
      applyAdmission(list, { sittingId: unknown, studentId: S1, access: 'green', admittedAt: null }),
    ).toBe(list);
    expect(
      applyAdmission(list, { sittingId: SITTING, studentId: unknown, access: 'green', admittedAt: null }),
    ).toBe(list);
  });
});

describe('replaceRosterEntry', () => {
  it('replaces the row with the server answer', () => {
    const entry = {
      studentId: S1,
      fullName: 'Әлия',
      iin: '000101500017',
      access: 'green' as const,
      admittedAt: null,
    };
    const [next] = replaceRosterEntry([sitting], SITTING, entry);
    expect(next?.students[0]).toEqual(entry);
  });
});
