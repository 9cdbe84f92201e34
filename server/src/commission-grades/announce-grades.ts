import type { AnnounceCommissionResult } from '@adal/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import { recordAudit } from '../audit/record-audit.js';
import { announcePublished } from '../exam-grades/publish-grades.js';
import { grades } from '../grades/schema.js';
import type { Actor } from '../http/actor.js';
import { HttpError } from '../http/http-error.js';
import { appendEntry, type LogRow } from '../violations/append-entry.js';
import { findProtocol, loadCommissionSitting, lockCommission } from './commission-sitting.js';
import { commissionProtocols } from './schema.js';

/**
 * The chair announces the final grades (exam-procedures.md: "the chair announces final grades"):
 * every fixed grade not announced yet is published at once, each student's Chat&log says so with
 * the protocol, and each student's page is told to fetch the result. The protocol is final from
 * the first announcement. A second call finds nothing new and announces 0; a grade fixed later
 * (a student graded after the others) goes out with the next announcement.
 */
export async function announceGrades(
  ctx: AppContext,
  actor: Actor,
  sittingId: string,
): Promise<AnnounceCommissionResult> {
  await loadCommissionSitting(ctx.db, sittingId);
  const { entries, announcedAt } = await ctx.db.transaction(async (tx) => {
    await lockCommission(tx, sittingId);
    const protocol = await findProtocol(tx, sittingId);
    if (!protocol)
      throw new HttpError('conflict', 'Enter the protocol number and date and fix the grades first.');
    const now = new Date();
    const published = await tx
      .update(grades)
      .set({ publishedAt: now })
      .where(and(eq(grades.sittingId, sittingId), isNull(grades.publishedAt)))
      .returning();
    if (published.length === 0) {
      if (!protocol.announcedAt)
        throw new HttpError('conflict', 'No final grade is fixed yet: there is nothing to announce.');
      return { entries: [] as LogRow[], announcedAt: protocol.announcedAt };
    }
    const first = protocol.announcedAt ?? now;
    if (!protocol.announcedAt)
      await tx
        .update(commissionProtocols)
        .set({ announcedAt: first })
        .where(eq(commissionProtocols.sittingId, sittingId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'commission.grades_announced',
      subject: sittingId,
      details: {
        count: published.length,
        protocolNumber: protocol.protocolNumber,
        protocolDate: protocol.protocolDate,
        grades: published.map((g) => ({ studentId: g.studentId, percent: g.percent, letter: g.letter })),
      },
    });
    const logged: LogRow[] = [];
    for (const grade of published)
      logged.push(
        await appendEntry(tx, {
          sittingId,
          studentId: grade.studentId,
          source: 'system',
          type: 'grade_published',
          severity: 'info',
          evidence: {
            percent: grade.percent,
            letter: grade.letter,
            protocolNumber: grade.protocolNumber,
            protocolDate: grade.protocolDate,
          },
        }),
      );
    return { entries: logged, announcedAt: first };
  });
  announcePublished(ctx, entries);
  return { announced: entries.length, announcedAt: announcedAt.toISOString() };
}
