import { z } from 'zod';
import { DeviceCheckPolicies, SittingPolicies } from '../domain/policies.js';
import { AccessStatus, ControlKind, SittingKind } from '../domain/sitting-kinds.js';

export const Id = z.string().uuid();
export const SittingParams = z.object({ sittingId: Id }).strict();
export type SittingParams = z.infer<typeof SittingParams>;

export const DisciplineRef = z.object({ id: Id, code: z.string(), name: z.string() });
export const GroupRef = z.object({ id: Id, name: z.string() });

/** One line of the student's exam schedule (seeds 000, 001, 003, 004). */
export const ScheduleEntry = z.object({
  sittingId: Id,
  discipline: DisciplineRef,
  kind: SittingKind,
  controlKind: ControlKind,
  startsAt: z.string().datetime(),
  durationMinutes: z.number().int(),
  access: AccessStatus,
  admittedAt: z.string().datetime().nullable(),
  /** A make-up sitting: the sitting the student missed (null for a regular one). */
  makeUpOf: Id.nullable(),
  /** The sitting's settings for the checks on the student's device (face check, monitoring). */
  deviceChecks: DeviceCheckPolicies,
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;
export const Schedule = z.array(ScheduleEntry);

/** A student on a sitting's list, as proctors and commissions see them. */
export const RosterEntry = z.object({
  studentId: Id,
  fullName: z.string(),
  iin: z.string(),
  access: AccessStatus,
  admittedAt: z.string().datetime().nullable(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const SittingSummary = z.object({
  sittingId: Id,
  discipline: DisciplineRef,
  group: GroupRef,
  kind: SittingKind,
  controlKind: ControlKind,
  startsAt: z.string().datetime(),
  durationMinutes: z.number().int(),
  policies: SittingPolicies,
  /** A make-up sitting for one student: the sitting they missed (null for a regular one). */
  makeUpOf: Id.nullable(),
});
export type SittingSummary = z.infer<typeof SittingSummary>;

export const SittingWithRoster = SittingSummary.extend({ students: z.array(RosterEntry) });
export type SittingWithRoster = z.infer<typeof SittingWithRoster>;
export const SittingList = z.array(SittingWithRoster);

export const CreateSittingBody = z
  .object({
    disciplineId: Id,
    groupId: Id,
    kind: SittingKind,
    controlKind: ControlKind.default('exam'),
    startsAt: z.string().datetime({ offset: true }),
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(12 * 60),
    /** Omitted fields take the kind's defaults (defaultPolicies). */
    policies: SittingPolicies.partial().default({}),
    commissionId: Id.optional(),
  })
  .strict();
export type CreateSittingBody = z.input<typeof CreateSittingBody>;

export const AssignProctorsBody = z.object({ proctorIds: z.array(Id).max(50) }).strict();
export type AssignProctorsBody = z.infer<typeof AssignProctorsBody>;

/** A proctor (state exams: the technical secretary) admits a student, or takes admission back. */
export const SetAdmissionBody = z.object({ studentId: Id, access: AccessStatus }).strict();
export type SetAdmissionBody = z.infer<typeof SetAdmissionBody>;
