import { createHash } from 'node:crypto';

/** The previous hash of a log's first entry. */
export const GENESIS = '0'.repeat(64);

/** What an entry's hash covers: everything stored about it except its own hash. */
export interface ChainedFields {
  sittingId: string;
  studentId: string;
  seq: number;
  at: Date;
  source: string;
  type: string;
  severity: string;
  text: string;
  evidence: Record<string, unknown> | null;
  durationMs: number | null;
  confidence: number | null;
  prevHash: string;
}

/** JSON with object keys sorted at every depth: PostgreSQL's jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

export function entryHash(e: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        sittingId: e.sittingId,
        studentId: e.studentId,
        seq: e.seq,
        at: e.at.toISOString(),
        source: e.source,
        type: e.type,
        severity: e.severity,
        text: e.text,
        evidence: e.evidence,
        durationMs: e.durationMs,
        confidence: e.confidence,
        prevHash: e.prevHash,
      }),
    )
    .digest('hex');
}

/**
 * Walks a log in sequence order and names the first entry that does not fit: a gap or repeat in
 * the numbering, a previous-hash that is not the entry before's hash, or a hash that does not
 * match the entry's content (it was edited).
 */
export function verifyChain(entries: readonly (ChainedFields & { hash: string })[]) {
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { seq: e.seq, reason: `entry ${i + 1} is missing (found ${e.seq})` };
    if (e.prevHash !== prev) return { seq: e.seq, reason: 'does not follow the entry before it' };
    if (entryHash(e) !== e.hash)
      return { seq: e.seq, reason: 'its content was changed after it was written' };
    prev = e.hash;
  }
  return null;
}
