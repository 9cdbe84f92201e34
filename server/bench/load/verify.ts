/**
 * Acked vs stored: every (attempt, question) the server acknowledged must be in `answers` at the
 * acknowledged revision or a newer one. Read straight from the database after the run.
 */
import pg from 'pg';
import type { AckedAnswer } from './messages.js';

export interface Verification {
  /** Distinct (attempt, question) pairs with at least one ok ack. */
  acked: number;
  /** Of those, how many the table holds at the acked revision or newer. */
  stored: number;
  /** Held at exactly the newest acked revision (newer: a later save whose ack never came). */
  exact: number;
  /** Rows in `answers` for pairs never acknowledged (saved, but the ack was lost or late). */
  unackedRows: number;
  rows: number;
}

export async function verifyAnswers(databaseUrl: string, acked: AckedAnswer[]): Promise<Verification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ attempt_id: string; question_id: string; revision: number }>(
      'SELECT attempt_id, question_id, revision FROM answers',
    );
    const stored = new Map(rows.map((r) => [`${r.attempt_id}/${r.question_id}`, r.revision]));
    const ackedKeys = new Set<string>();
    let held = 0;
    let exact = 0;
    for (const [attemptId, questionId, revision] of acked) {
      const key = `${attemptId}/${questionId}`;
      ackedKeys.add(key);
      const revisionStored = stored.get(key);
      if (revisionStored !== undefined && revisionStored >= revision) held++;
      if (revisionStored === revision) exact++;
    }
    return {
      acked: ackedKeys.size,
      stored: held,
      exact,
      unackedRows: [...stored.keys()].filter((k) => !ackedKeys.has(k)).length,
      rows: rows.length,
    };
  } finally {
    await client.end();
  }
}
