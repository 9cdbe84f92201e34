import { eq, inArray } from 'drizzle-orm';
import { questions } from '../banks/schema.js';
import type { Db } from '../db/database.js';
import { attempts } from './schema.js';

/** What a save needs to check a response: never changes once the attempt has started. */
export interface CachedPaper {
  studentId: string;
  /** Question id → its kind and the option ids on this student's paper. */
  items: Map<string, { kind: string; options: readonly string[] }>;
}

const MAX_ENTRIES = 20_000;

/**
 * Papers of attempts in progress, kept in memory so an answer costs one database statement.
 * Safe across processes: a paper is written once, when the attempt starts, and never changed.
 */
export class PaperCache {
  private readonly papers = new Map<string, CachedPaper>();

  constructor(private readonly db: Db) {}

  async get(attemptId: string): Promise<CachedPaper | undefined> {
    const hit = this.papers.get(attemptId);
    if (hit) {
      // Map order is insertion order: re-inserting keeps recently used papers at the end.
      this.papers.delete(attemptId);
      this.papers.set(attemptId, hit);
      return hit;
    }
    const [a] = await this.db
      .select({ studentId: attempts.studentId, paper: attempts.paper })
      .from(attempts)
      .where(eq(attempts.id, attemptId));
    if (!a) return undefined;
    const ids = a.paper.map((p) => p.questionId);
    const kinds = ids.length
      ? await this.db
          .select({ id: questions.id, kind: questions.kind })
          .from(questions)
          .where(inArray(questions.id, ids))
      : [];
    const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
    const paper: CachedPaper = {
      studentId: a.studentId,
      items: new Map(
        a.paper.map((p) => [
          p.questionId,
          { kind: kindOf.get(p.questionId) ?? 'single', options: p.options },
        ]),
      ),
    };
    this.papers.set(attemptId, paper);
    if (this.papers.size > MAX_ENTRIES) this.papers.delete(this.papers.keys().next().value as string);
    return paper;
  }
}
