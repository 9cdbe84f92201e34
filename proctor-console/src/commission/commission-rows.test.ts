import type { CommissionRow } from '@adal/shared';
import { describe, expect, it } from 'vitest';
import {
  canSaveScore,
  checkFix,
  entersProtocol,
  fixDraftOf,
  isProtocolChanged,
  needsReason,
  protocolDateText,
  protocolProblems,
  scoreBody,
  scoreDraftOf,
  scoreStatus,
  summarize,
} from './commission-rows.js';

const MEMBER = '20000000-0000-4000-8000-000000000001';
const row = (over: Partial<CommissionRow> = {}): CommissionRow => ({
  studentId: '10000000-0000-4000-8000-000000000001',
  fullName: 'Әлиев Арман',
  ticketNumber: 3,
  myScore: null,
  scoredCount: 0,
  scores: null,
  mean: null,
  grade: null,
  fixedAt: null,
  fixReason: null,
  publishedAt: null,
  ...over,
});
const myScore = (percent: number, comment = '') => ({
  memberId: MEMBER,
  percent,
  comment,
  scoredAt: '2026-06-12T06:00:00.000Z',
});
const B = { percent: 81.17, letter: 'B', gpaPoints: 3, traditional: 'good' } as const;
const idle = { status: 'idle' } as const;

describe('a member’s score row', () => {
  it('starts from the saved score and offers Save only for a valid change', () => {
    const scored = row({ myScore: myScore(80, 'Жақсы.'), scoredCount: 2 });
    const draft = scoreDraftOf(scored);
    expect(draft).toEqual({ percent: '80', comment: 'Жақсы.' });
    expect(scoreStatus(draft, scored, idle)).toBe('scored');
    expect(canSaveScore(draft, scored, idle)).toBe(false);
    // The server trims the comment: trailing spaces are no change.
    expect(canSaveScore({ ...draft, comment: 'Жақсы.  ' }, scored, idle)).toBe(false);
    const typed = { percent: '82,5', comment: ' Өте жақсы. ' };
    expect(scoreStatus(typed, scored, idle)).toBe('unsaved');
    expect(canSaveScore(typed, scored, idle)).toBe(true);
    expect(scoreBody(typed)).toEqual({ percent: 82.5, comment: 'Өте жақсы.' });
    expect(canSaveScore({ percent: '101', comment: '' }, scored, idle)).toBe(false);
    expect(canSaveScore(typed, scored, { status: 'saving' })).toBe(false);
    expect(scoreStatus(typed, scored, { status: 'error', error: new Error('x') })).toBe('error');
    expect(scoreStatus(draft, scored, { status: 'saved' })).toBe('saved');
    expect(scoreStatus(scoreDraftOf(row()), row(), idle)).toBe('not_scored');
  });

  it('is locked once the chair fixes the grade, and final once announced', () => {
    const fixed = row({ myScore: myScore(80), grade: B, mean: 81.17, fixedAt: '2026-06-12T08:00:00.000Z' });
    const typed = { percent: '90', comment: '' };
    expect(scoreStatus(typed, fixed, idle)).toBe('locked');
    expect(canSaveScore(typed, fixed, idle)).toBe(false);
    const announced = { ...fixed, publishedAt: '2026-06-12T09:00:00.000Z' };
    expect(scoreStatus(typed, announced, idle)).toBe('announced');
  });
});

describe('the chair’s final grade', () => {
  const scored = row({ scoredCount: 3, scores: [], mean: 81.17 });

  it('offers the mean, which needs no reason', () => {
    const draft = fixDraftOf(scored);
    expect(draft).toEqual({ percent: '81.17', reason: '' });
    expect(needsReason(draft, scored)).toBe(false);
    expect(checkFix(draft, scored)).toEqual({ state: 'ready', body: { reason: '' } });
  });

  it('asks a reason for another percent and sends both', () => {
    const other = { percent: '85', reason: '' };
    expect(needsReason(other, scored)).toBe(true);
    expect(checkFix(other, scored)).toEqual({ state: 'blocked', problem: 'needs_reason' });
    expect(checkFix({ ...other, reason: '  ' }, scored)).toEqual({
      state: 'blocked',
      problem: 'needs_reason',
    });
    expect(checkFix({ ...other, reason: ' Қосымша сұрақ. ' }, scored)).toEqual({
      state: 'ready',
      body: { percent: 85, reason: 'Қосымша сұрақ.' },
    });
  });

  it('refuses what cannot be fixed: no scores, a bad percent, the same grade again, an announced grade', () => {
    expect(checkFix({ percent: '80', reason: 'x' }, row())).toEqual({
      state: 'blocked',
      problem: 'no_scores',
    });
    expect(checkFix({ percent: 'abc', reason: 'x' }, scored)).toEqual({
      state: 'blocked',
      problem: 'invalid',
    });
    expect(checkFix({ percent: '', reason: '' }, scored)).toEqual({ state: 'blocked', problem: 'invalid' });
    const fixed = { ...scored, grade: B, fixedAt: '2026-06-12T08:00:00.000Z' };
    expect(fixDraftOf(fixed)).toEqual({ percent: '81.17', reason: '' });
    expect(checkFix(fixDraftOf(fixed), fixed)).toEqual({ state: 'blocked', problem: 'unchanged' });
    const announced = { ...fixed, publishedAt: '2026-06-12T09:00:00.000Z' };
    expect(checkFix({ percent: '90', reason: 'x' }, announced)).toEqual({
      state: 'blocked',
      problem: 'announced',
    });
  });

  it('shows a fixed grade other than the mean with its reason', () => {
    const fixed = row({
      mean: 52.33,
      grade: { percent: 60, letter: 'C-', gpaPoints: 1.67, traditional: 'satisfactory' },
      fixReason: 'Қосымша сұрақ.',
    });
    expect(fixDraftOf(fixed)).toEqual({ percent: '60', reason: 'Қосымша сұрақ.' });
    expect(needsReason(fixDraftOf(fixed), fixed)).toBe(true);
  });
});

describe('the summary and the protocol', () => {
  it('counts fixed, announced and what Announce would send', () => {
    const rows = [
      row(),
      row({ grade: B }),
      row({ grade: B, publishedAt: '2026-06-12T09:00:00.000Z' }),
      row({ grade: B }),
    ];
    expect(summarize(rows)).toEqual({ total: 4, fixed: 3, announced: 1, toAnnounce: 2 });
  });

  it('lets the chair and the secretary enter the protocol until the announcement', () => {
    const protocol = { protocolNumber: '12', protocolDate: '2026-06-12', announcedAt: null };
    expect(entersProtocol('chair', null)).toBe(true);
    expect(entersProtocol('secretary', protocol)).toBe(true);
    expect(entersProtocol('member', protocol)).toBe(false);
    expect(entersProtocol('admin', protocol)).toBe(false);
    expect(entersProtocol('chair', { ...protocol, announcedAt: '2026-06-12T09:00:00.000Z' })).toBe(false);
  });

  it('checks the protocol form field by field', () => {
    expect(protocolProblems({ protocolNumber: ' 12/МАК ', protocolDate: '2026-06-12' })).toEqual([]);
    expect(protocolProblems({ protocolNumber: '  ', protocolDate: '' })).toEqual(['number', 'date']);
    expect(protocolProblems({ protocolNumber: 'x'.repeat(41), protocolDate: '12.06.2026' })).toEqual([
      'number',
      'date',
    ]);
    const saved = { protocolNumber: '12', protocolDate: '2026-06-12', announcedAt: null };
    expect(isProtocolChanged({ protocolNumber: ' 12 ', protocolDate: '2026-06-12' }, saved)).toBe(false);
    expect(isProtocolChanged({ protocolNumber: '13', protocolDate: '2026-06-12' }, saved)).toBe(true);
    expect(protocolDateText('2026-06-12')).toBe('12.06.2026');
  });
});
