import { describe, expect, it } from 'vitest';
import { EMPTY_REJECT, REJECT_NOTE_MAX, rejectBody, rejectProblems } from './reject-form.js';

describe('the reject form', () => {
  it('needs a reason', () => {
    expect(rejectProblems(EMPTY_REJECT)).toEqual({ reason: 'reason_required' });
    expect(rejectBody(EMPTY_REJECT)).toBeNull();
    expect(rejectBody({ reason: '', note: 'blurry' })).toBeNull();
  });

  it('takes a reason without a note, and sends no empty note', () => {
    expect(rejectProblems({ reason: 'blurred', note: '   ' })).toEqual({});
    expect(rejectBody({ reason: 'blurred', note: '   ' })).toEqual({ decision: 'reject', reason: 'blurred' });
  });

  it('needs a note when the reason is "other", and trims it', () => {
    expect(rejectProblems({ reason: 'other', note: '  ' })).toEqual({ note: 'note_required' });
    expect(rejectBody({ reason: 'other', note: '  ' })).toBeNull();
    expect(rejectBody({ reason: 'other', note: '  Page 3 is missing its number  ' })).toEqual({
      decision: 'reject',
      reason: 'other',
      note: 'Page 3 is missing its number',
    });
  });

  it('refuses a note longer than the server takes', () => {
    const long = 'a'.repeat(REJECT_NOTE_MAX + 1);
    expect(rejectProblems({ reason: 'dark', note: long })).toEqual({ note: 'note_too_long' });
    expect(rejectBody({ reason: 'dark', note: long })).toBeNull();
    expect(rejectBody({ reason: 'dark', note: 'a'.repeat(REJECT_NOTE_MAX) })).not.toBeNull();
  });

  it('reports every field at once', () => {
    expect(rejectProblems({ reason: '', note: 'a'.repeat(REJECT_NOTE_MAX + 1) })).toEqual({
      reason: 'reason_required',
      note: 'note_too_long',
    });
  });
});
