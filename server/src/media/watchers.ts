import type { Role } from '@adal/shared';

/**
 * Who may watch live media and its recordings: proctors, commissions and admins (each only their
 * own sittings); the dean's office may not.
 */
export const WATCHERS = [
  'proctor',
  'commission_member',
  'commission_chair',
  'technical_secretary',
  'admin',
] as const satisfies readonly Role[];
