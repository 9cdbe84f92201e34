import { z } from 'zod';

/** Who a user is in the exam process (exam-procedures.md, "People"). */
export const Role = z.enum([
  'student',
  'proctor',
  'commission_member',
  'commission_chair',
  'technical_secretary',
  'registrar',
  'admin',
]);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/** Roles that belong to a state attestation commission. */
export const COMMISSION_ROLES = [
  'commission_chair',
  'commission_member',
  'technical_secretary',
] as const satisfies readonly Role[];
export type CommissionRole = (typeof COMMISSION_ROLES)[number];

/** Roles that may see every sitting of the university, not only assigned ones. */
export const OFFICE_ROLES = ['registrar', 'admin'] as const satisfies readonly Role[];

export const isCommissionRole = (role: Role): role is CommissionRole =>
  (COMMISSION_ROLES as readonly Role[]).includes(role);
export const isOfficeRole = (role: Role): boolean => (OFFICE_ROLES as readonly Role[]).includes(role);

/**
 * Who may admit a student (turn access green) or take admission back: proctors on their
 * sittings, the technical secretary on the commission's, admins anywhere (exam-procedures.md).
 */
export const ADMITTING_ROLES = ['proctor', 'technical_secretary', 'admin'] as const satisfies readonly Role[];
export const canSetAdmission = (role: Role): boolean => (ADMITTING_ROLES as readonly Role[]).includes(role);

/** Everyone but students: who works a sitting (proctors, commissions) or runs the university. */
export const STAFF_ROLES = [
  'proctor',
  'commission_member',
  'commission_chair',
  'technical_secretary',
  'registrar',
  'admin',
] as const satisfies readonly Role[];
