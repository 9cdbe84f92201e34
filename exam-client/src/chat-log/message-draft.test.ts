import { describe, expect, it } from 'vitest';
import { checkMessage, MESSAGE_MAX } from './message-draft.js';

describe('checkMessage', () => {
  it('sends the message trimmed', () => {
    expect(checkMessage('  My camera froze \n')).toEqual({ ok: true, text: 'My camera froze' });
  });

  it('refuses an empty or blank message', () => {
    expect(checkMessage('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkMessage(' \n\t ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('takes up to 2000 characters after trimming, not one more', () => {
    expect(checkMessage(`  ${'a'.repeat(MESSAGE_MAX)}  `)).toMatchObject({ ok: true });
    expect(checkMessage('a'.repeat(MESSAGE_MAX + 1))).toEqual({ ok: false, problem: 'tooLong' });
  });
});
