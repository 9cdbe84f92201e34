import type { AppealPage } from '@adal/shared';

type AppealQuestion = AppealPage['wrong'][number];

/**
 * The student's answer in the words they saw: the texts of the chosen options, in the paper's
 * order; true/false (option ids 'true' and 'false') in the interface language; a typed answer as typed.
 */
export function answerTexts(
  question: Pick<AppealQuestion, 'kind' | 'options' | 'response'>,
  trueFalse: (value: 'true' | 'false') => string,
): string[] {
  if (question.kind === 'short_answer') return question.response.filter((r) => r.trim() !== '');
  const chosen = new Set(question.response);
  const label = (id: string, text: string) =>
    question.kind === 'true_false' && (id === 'true' || id === 'false') ? trueFalse(id) : text || id;
  const known = question.options.filter((o) => chosen.has(o.id)).map((o) => label(o.id, o.text));
  // An id the paper does not list (the bank changed since) is still shown rather than dropped.
  const unknown = question.response.filter((id) => !question.options.some((o) => o.id === id));
  return [...known, ...unknown.map((id) => label(id, id))];
}
