import type { AnswerResponse, PaperQuestion } from '@adal/shared';

/** A question counts as answered when something is chosen or typed (the server's rule for Finish). */
export const isAnswered = (response: AnswerResponse | undefined) => (response?.length ?? 0) > 0;

export function answeredCount(
  questions: readonly PaperQuestion[],
  responseOf: (questionId: string) => AnswerResponse | undefined,
): number {
  return questions.filter((q) => isAnswered(responseOf(q.questionId))).length;
}

/** A several-answer question: ticking adds the option, unticking removes it; the paper's order is kept. */
export function toggleOption(
  question: PaperQuestion,
  response: AnswerResponse | undefined,
  optionId: string,
  checked: boolean,
): AnswerResponse {
  const chosen = new Set(response ?? []);
  if (checked) chosen.add(optionId);
  else chosen.delete(optionId);
  return question.options.map((o) => o.id).filter((id) => chosen.has(id));
}

/** A typed answer: blank means no answer (the server would count "" as answered). */
export const shortAnswerResponse = (text: string): AnswerResponse => (text.trim() ? [text] : []);
