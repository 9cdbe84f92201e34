import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalJson, entryHash, GENESIS, verifyChain } from './log-chain.js';

function chain(n: number) {
  const out: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainedFields = {
      sittingId: 's',
      studentId: 'u',
      seq,
      at: new Date(Date.UTC(2026, 10, 22, 9, 0, seq)),
      source: 'proctor',
      type: 'talking',
      severity: 'medium',
      text: `entry ${seq}`,
      evidence: { offsetMs: seq * 1000, nested: { b: 1, a: [2, 1] } },
      durationMs: null,
      confidence: null,
      prevHash: prev,
    };
    const hash = entryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

describe('the log hash chain', () => {
  it('hashes the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('accepts an untouched chain', () => {
    expect(verifyChain(chain(5))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('names the first edited, removed or re-linked entry', () => {
    const edited = chain(5);
    (edited[2] as { text: string }).text = 'softened';
    expect(verifyChain(edited)).toEqual({ seq: 3, reason: 'its content was changed after it was written' });

    const removed = chain(5).filter((e) => e.seq !== 2);
    expect(verifyChain(removed)?.seq).toBe(3);

    // Rewriting an entry and its own hash still breaks the next link.
    const rehashed = chain(5);
    const third = rehashed[2] as ChainedFields & { hash: string };
    third.severity = 'low';
    third.hash = entryHash(third);
    expect(verifyChain(rehashed)).toEqual({ seq: 4, reason: 'does not follow the entry before it' });
  });
});
