import { ReviewSheetBody, type SheetRejectReason } from '@adal/shared';

/** The reject form as typed: no reason chosen yet is ''. */
export interface RejectDraft {
  reason: SheetRejectReason | '';
  note: string;
}

export const EMPTY_REJECT: RejectDraft = { reason: '', note: '' };

/** The longest note the server takes (ReviewSheetBody). */
export const REJECT_NOTE_MAX = 500;

export type RejectProblem = 'reason_required' | 'note_required' | 'note_too_long';
export interface RejectProblems {
  reason?: RejectProblem;
  note?: RejectProblem;
}

/** What is wrong with the draft, per field: a reason must be chosen, "other" needs a note. */
export function rejectProblems(draft: RejectDraft): RejectProblems {
  const problems: RejectProblems = {};
  const note = draft.note.trim();
  if (draft.reason === '') problems.reason = 'reason_required';
  if (note.length > REJECT_NOTE_MAX) problems.note = 'note_too_long';
  else if (draft.reason === 'other' && note.length === 0) problems.note = 'note_required';
  return problems;
}

/**
 * The request body for a valid draft (the note trimmed, left out when empty), or null. The
 * shared schema has the last word, so the form can never send what the server would refuse.
 */
export function rejectBody(draft: RejectDraft): ReviewSheetBody | null {
  if (Object.keys(rejectProblems(draft)).length > 0 || draft.reason === '') return null;
  const note = draft.note.trim();
  const parsed = ReviewSheetBody.safeParse({
    decision: 'reject',
    reason: draft.reason,
    ...(note ? { note } : {}),
  });
  return parsed.success ? parsed.data : null;
}
