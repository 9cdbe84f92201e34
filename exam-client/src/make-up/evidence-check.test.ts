import { MAX_EVIDENCE_BYTES } from '@adal/shared';
import { ApiError } from '@adal/shared/web';
import { describe, expect, it } from 'vitest';
import { applicationBody, draftProblems, refusalOf } from './application-form.js';
import { checkEvidence, evidenceTypeOf, judgeEvidence, megabytes } from './evidence-check.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n');
const PNG = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a], [0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const WEBP = bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ');

describe('evidenceTypeOf (by content only)', () => {
  it.each([
    ['PDF', PDF, 'application/pdf'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['WebP', WEBP, 'image/webp'],
    ['HEIC', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1'), null],
    ['GIF', bytes('GIF89a'), null],
    ['a Word file', bytes([0x50, 0x4b, 0x03, 0x04]), null],
    ['text', bytes('I was ill'), null],
    ['"%PDF" without the dash', bytes('%PDF1.7'), null],
    ['empty', bytes(), null],
  ] as const)('%s', (_name, head, type) => {
    expect(evidenceTypeOf(head)).toBe(type);
  });
});

describe('judging an evidence file', () => {
  it('refuses empty files and files over 5 MB before looking at the content', () => {
    expect(judgeEvidence(0, PDF)).toEqual({ ok: false, problem: 'empty' });
    expect(judgeEvidence(MAX_EVIDENCE_BYTES + 1, PDF)).toEqual({ ok: false, problem: 'size' });
    expect(judgeEvidence(MAX_EVIDENCE_BYTES, PDF)).toEqual({ ok: true, mimeType: 'application/pdf' });
  });

  it('goes by the bytes, not the name: a PNG named .pdf is a PNG, a text named .pdf is refused', async () => {
    const png = new File([PNG], 'certificate.pdf', { type: 'application/pdf' });
    expect(await checkEvidence(png)).toEqual({ ok: true, mimeType: 'image/png' });
    const text = new File([bytes('My certificate')], 'certificate.pdf', { type: 'application/pdf' });
    expect(await checkEvidence(text)).toEqual({ ok: false, problem: 'type' });
    const big = new File([new Uint8Array(MAX_EVIDENCE_BYTES + 1)], 'scan.pdf');
    expect(await checkEvidence(big)).toEqual({ ok: false, problem: 'size' });
  });

  it('tells a file the browser cannot read', async () => {
    const broken = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('gone')) }) };
    expect(await checkEvidence(broken as unknown as Blob)).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('prints sizes rounded up, so a file over the limit never reads as 5.0 MB', () => {
    expect(megabytes(MAX_EVIDENCE_BYTES + 1, 'en')).toBe('5.1');
    expect(megabytes(1.5 * 1024 * 1024, 'ru')).toBe('1,5');
    expect(megabytes(1.5 * 1024 * 1024, 'kk')).toBe('1,5');
  });
});

describe('the application form', () => {
  const ok = { ok: true as const, mimeType: 'application/pdf' as const };
  it('names what is missing or wrong, field by field', () => {
    expect(draftProblems({ reason: 'illness', explanation: '  ', file: null })).toEqual({
      explanation: 'explanationRequired',
      evidence: 'evidenceRequired',
    });
    expect(
      draftProblems({
        reason: 'power_cut',
        explanation: 'The power was off.',
        file: { name: 'a.txt', check: { ok: false, problem: 'type' } },
      }),
    ).toEqual({ evidence: 'type' });
    expect(draftProblems({ reason: 'other', explanation: 'x', file: { name: 'a.pdf', check: ok } })).toEqual(
      {},
    );
  });

  it('sends the trimmed text and the file name', () => {
    expect(
      applicationBody(
        { reason: 'illness', explanation: '  Fever.  ', file: { name: ' a.pdf ', check: ok } },
        'JVBERi0=',
      ),
    ).toEqual({
      reason: 'illness',
      explanation: 'Fever.',
      evidenceFileName: 'a.pdf',
      evidenceBase64: 'JVBERi0=',
    });
  });

  it('maps the server’s refusals to the field or to a message', () => {
    const tooBig = new ApiError('payload_too_large', 'x', 413, [
      { path: 'body.evidenceBase64', message: 'x' },
    ]);
    expect(refusalOf(tooBig)).toEqual({ evidence: 'size' });
    const wrong = new ApiError('validation_failed', 'x', 400, [
      { path: 'body.evidenceBase64', message: 'x' },
    ]);
    expect(refusalOf(wrong)).toEqual({ evidence: 'type' });
    expect(refusalOf(new ApiError('conflict', 'x', 409))).toEqual({ refused: 'conflict' });
    expect(refusalOf(new ApiError('not_found', 'x', 404))).toEqual({ refused: 'notFound' });
    const network = new ApiError('network', 'x', 0);
    expect(refusalOf(network)).toEqual({ other: network });
  });
});
