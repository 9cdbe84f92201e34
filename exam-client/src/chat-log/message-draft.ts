import { ChatText } from '@adal/shared';

/** How long a message to the proctor may be (the contract's ChatText). */
export const MESSAGE_MAX = 2000;

export type MessageCheck = { ok: true; text: string } | { ok: false; problem: 'empty' | 'tooLong' };

/** A draft is sent trimmed, 1–2000 characters: checked here so the student is told before sending. */
export function checkMessage(draft: string): MessageCheck {
  const parsed = ChatText.safeParse(draft);
  if (parsed.success) return { ok: true, text: parsed.data };
  return { ok: false, problem: draft.trim().length === 0 ? 'empty' : 'tooLong' };
}
