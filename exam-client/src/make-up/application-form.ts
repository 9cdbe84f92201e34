import type { AbsenceReason, ApplyForMakeUpBody } from '@adal/shared';
import { isApiError } from '@adal/shared/web';
import type { EvidenceCheck, EvidenceProblem } from './evidence-check.js';

/** What the student has filled in. */
export interface ApplicationDraft {
  reason: AbsenceReason;
  explanation: string;
  file: { name: string; check: EvidenceCheck } | null;
}

/** What stops the draft being sent, field by field (none: it may go). */
export interface DraftProblems {
  explanation?: 'explanationRequired';
  evidence?: 'evidenceRequired' | EvidenceProblem;
}

export function draftProblems(draft: ApplicationDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.explanation.trim()) problems.explanation = 'explanationRequired';
  if (!draft.file) problems.evidence = 'evidenceRequired';
  else if (!draft.file.check.ok) problems.evidence = draft.file.check.problem;
  return problems;
}

export const applicationBody = (draft: ApplicationDraft, base64: string): ApplyForMakeUpBody => ({
  reason: draft.reason,
  explanation: draft.explanation.trim(),
  evidenceFileName: draft.file?.name.trim().slice(0, 255) || 'evidence',
  evidenceBase64: base64,
});

/**
 * What a refusal means for the form: the server's own check of the file (by content, by size),
 * a conflict (already applied, or not missed after all), a sitting not on the list, or anything
 * else (shown as the error it is).
 */
export type Refusal =
  | { evidence: EvidenceProblem }
  | { refused: 'conflict' | 'notFound' }
  | { other: unknown };

export function refusalOf(error: unknown): Refusal {
  if (isApiError(error)) {
    if (error.code === 'payload_too_large') return { evidence: 'size' };
    if (error.code === 'validation_failed' && error.fields.some((f) => f.path === 'body.evidenceBase64'))
      return { evidence: 'type' };
    if (error.code === 'conflict') return { refused: 'conflict' };
    if (error.code === 'not_found') return { refused: 'notFound' };
  }
  return { other: error };
}
