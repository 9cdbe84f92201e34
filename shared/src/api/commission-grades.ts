import { z } from 'zod';
import { Language } from '../domain/sitting-kinds.js';
import { GradeStudentBody, GradeValue } from './exam-grades.js';
import { Id } from './sittings.js';

/**
 * State attestation (exam-procedures.md, "State exams and thesis defence"): every member of the
 * commission (the chair too) scores every student; the chair sees all scores, fixes each final
 * grade (by default the mean) under the sitting's protocol, and announces the grades. The
 * protocol's number and date go to the student's transcript with the grade.
 *
 * Members score independently: a member sees only their own score of a student until the chair
 * has fixed that student's grade; then the whole commission sees every score of that student.
 */

/** A seat on the sitting's commission, as `commission_members` gives it. */
export const CommissionSeat = z.enum(['chair', 'member', 'secretary']);
export type CommissionSeat = z.infer<typeof CommissionSeat>;

/** Who is looking: a seat on this commission, or an admin (reads everything, changes nothing). */
export const CommissionViewer = z.enum(['chair', 'member', 'secretary', 'admin']);
export type CommissionViewer = z.infer<typeof CommissionViewer>;

export const CommissionPerson = z.object({
  userId: Id,
  fullName: z.string(),
  seat: CommissionSeat,
});
export type CommissionPerson = z.infer<typeof CommissionPerson>;

/** The seats that score: the chair and the members (the technical secretary does not). */
export const SCORING_SEATS: readonly CommissionSeat[] = ['chair', 'member'];
export const isScoringSeat = (seat: CommissionSeat): boolean => SCORING_SEATS.includes(seat);

/** One member's score of one student. */
export const CommissionScore = z.object({
  memberId: Id,
  percent: z.number().min(0).max(100),
  comment: z.string(),
  scoredAt: z.string().datetime(),
});
export type CommissionScore = z.infer<typeof CommissionScore>;

export const CommissionRow = z.object({
  studentId: Id,
  fullName: z.string(),
  /** The drawn ticket, if any (a thesis defence has none). */
  ticketNumber: z.number().int().min(1).nullable(),
  /** The viewer's own score; null when not scored yet or the viewer does not score. */
  myScore: CommissionScore.nullable(),
  /** How many scoring members have scored this student (never who or how much). */
  scoredCount: z.number().int().min(0),
  /**
   * Every member's score, and their mean rounded to 2 decimals: for the chair and admins always;
   * for the rest of the commission once the grade is fixed; null while hidden.
   */
  scores: z.array(CommissionScore).nullable(),
  mean: z.number().min(0).max(100).nullable(),
  /** The final grade the chair fixed. */
  grade: GradeValue.nullable(),
  fixedAt: z.string().datetime().nullable(),
  /** Why the chair's final grade differs from the mean (shown with the scores). */
  fixReason: z.string().nullable(),
  /** When the grade was announced to the student. */
  publishedAt: z.string().datetime().nullable(),
});
export type CommissionRow = z.infer<typeof CommissionRow>;

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

export const CommissionProtocol = z.object({
  protocolNumber: z.string(),
  protocolDate: CalendarDate,
  /** The chair announced the grades: the protocol is final. */
  announcedAt: z.string().datetime().nullable(),
});
export type CommissionProtocol = z.infer<typeof CommissionProtocol>;

export const CommissionGrading = z.object({
  sittingId: Id,
  viewer: CommissionViewer,
  commission: z.object({
    name: z.string(),
    /** Chair first, then the members, then the technical secretary. */
    people: z.array(CommissionPerson),
  }),
  protocol: CommissionProtocol.nullable(),
  rows: z.array(CommissionRow),
});
export type CommissionGrading = z.infer<typeof CommissionGrading>;

/** A member's score: a percent on the scale and an optional comment (as an examiner's grade). */
export const CommissionScoreBody = GradeStudentBody;
export type CommissionScoreBody = z.infer<typeof CommissionScoreBody>;

export const CommissionProtocolBody = z
  .object({
    protocolNumber: z.string().trim().min(1).max(40),
    protocolDate: CalendarDate,
  })
  .strict();
export type CommissionProtocolBody = z.infer<typeof CommissionProtocolBody>;

/**
 * The chair fixes a student's final grade: without `percent`, the mean of the scores; another
 * percent needs a `reason` (the server answers 400 on `body.reason` without one). Audited.
 */
export const FixCommissionGradeBody = z
  .object({
    percent: z.number().min(0).max(100).multipleOf(0.01).optional(),
    reason: z.string().trim().max(1000).default(''),
  })
  .strict();
export type FixCommissionGradeBody = z.infer<typeof FixCommissionGradeBody>;

export const AnnounceCommissionResult = z.object({
  /** Grades announced by this call (0 when every fixed grade was already announced). */
  announced: z.number().int().min(0),
  announcedAt: z.string().datetime().nullable(),
});
export type AnnounceCommissionResult = z.infer<typeof AnnounceCommissionResult>;

/** The protocol as a PDF, its labels in the given language (Russian unless asked). */
export const ProtocolFileQuery = z.object({ lang: Language.default('ru') }).strict();
export type ProtocolFileQuery = z.infer<typeof ProtocolFileQuery>;

/**
 * The mean of the scores rounded half-up to 2 decimals, computed in hundredths so that binary
 * fractions never tip a rounding (scores carry at most 2 decimals). Null without scores.
 */
export function meanPercent(percents: readonly number[]): number | null {
  if (percents.length === 0) return null;
  const hundredths = percents.reduce((sum, p) => sum + Math.round(p * 100), 0);
  return Math.floor((2 * hundredths + percents.length) / (2 * percents.length)) / 100;
}

/** "Тұрсынов Бақыт Әбдіұлы" → "Тұрсынов Б. Ә.": a column head, a signature line. */
export function shortName(fullName: string): string {
  const [surname = '', ...rest] = fullName.trim().split(/\s+/);
  return [surname, ...rest.map((n) => `${n.charAt(0)}.`)].join(' ');
}
