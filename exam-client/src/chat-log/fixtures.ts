import type { LogEntry } from '@adal/shared';

/** Log entries for the unit tests: only what a test names differs from a plain system entry. */
export const SITTING = '11111111-1111-4111-8111-111111111111';
export const ME = '22222222-2222-4222-8222-222222222222';

export function entry(seq: number, over: Partial<LogEntry> = {}): LogEntry {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 22, 10, 0, seq)).toISOString(),
    source: 'system',
    type: 'admitted',
    severity: 'info',
    text: '',
    evidence: null,
    durationMs: null,
    confidence: null,
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    ...over,
  };
}

export const system = (seq: number, type: string, text = '', evidence: LogEntry['evidence'] = null) =>
  entry(seq, { source: 'system', type, text, evidence });
