import { and, eq, isNull, ne, notInArray, sql } from 'drizzle-orm';
import { users } from '../../src/accounts/schema.js';
import { questions, tickets } from '../../src/banks/schema.js';
import type { Db } from '../../src/db/database.js';
import { rawRows } from '../../src/db/raw-rows.js';
import { sittings } from '../../src/sittings/schema.js';
import { ticketDrawPlans } from '../../src/tickets/schema.js';
import { students } from '../../src/university/schema.js';

/** A secret a student must never be sent, and what kind of secret it is. */
export interface Needle {
  kind: string;
  text: string;
}

/** What the student was rightly shown: their drawn tickets' questions and their paper's stems. */
export interface OwnView {
  ticketQuestions: string[];
  paperStems: string[];
}

/** A ticket question with and without its "(n.m)" tag: either gives the ticket away. */
const withoutTag = (q: string) => q.replace(/ \(\d+\.\d+\)$/, '');

/**
 * Everything the database holds that this student must not see, read from the database itself:
 * other students (ids, logins, names, IINs), every row of theirs (attempts, draws, checks, sheets,
 * log entries…), sittings of other groups, closed tickets they did not draw, unrevealed draw
 * salts, and bank questions that are not on their paper.
 */
export async function needlesFor(db: Db, studentId: string, own: OwnView): Promise<Needle[]> {
  const needles: Needle[] = [];
  const [me] = await db.select().from(students).where(eq(students.userId, studentId));
  if (!me) throw new Error('not a student');

  const others = await db
    .select({ id: users.id, login: users.login, fullName: users.fullName, iin: students.iin })
    .from(users)
    .innerJoin(students, eq(students.userId, users.id))
    .where(ne(users.id, studentId));
  for (const o of others)
    needles.push(
      { kind: 'student id', text: o.id },
      { kind: 'student login', text: o.login },
      { kind: 'student name', text: o.fullName },
      { kind: 'student IIN', text: o.iin },
    );

  // Every table that keeps rows per student: the ids of the other students' rows.
  const perStudent = await rawRows<{ table: string }>(
    db,
    sql`SELECT c.table_name AS "table" FROM information_schema.columns c
        JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND c.column_name = 'student_id' AND i.column_name = 'id'
        ORDER BY 1`,
  );
  for (const { table } of perStudent) {
    const rows = await rawRows<{ id: string }>(
      db,
      sql.raw(`SELECT id::text AS id FROM "${table}" WHERE student_id <> '${studentId}'`),
    );
    // Numbered rows (log entries) are counters anyone could guess; only random ids identify a row.
    for (const r of rows)
      if (r.id.length >= 32) needles.push({ kind: `${table} row of another student`, text: r.id });
  }

  const elsewhere = await db
    .select({ id: sittings.id })
    .from(sittings)
    .where(ne(sittings.groupId, me.groupId));
  for (const s of elsewhere) needles.push({ kind: "another group's sitting", text: s.id });

  const mine = new Set([...own.ticketQuestions, ...own.ticketQuestions.map(withoutTag)]);
  for (const t of await db.select().from(tickets))
    for (const q of t.questions)
      for (const text of [q, withoutTag(q)])
        if (!mine.has(text)) needles.push({ kind: 'undrawn ticket question', text });

  const unrevealed = await db.select().from(ticketDrawPlans).where(isNull(ticketDrawPlans.revealedAt));
  for (const p of unrevealed) needles.push({ kind: 'unrevealed draw salt', text: p.salt });

  const offPaper = await db
    .select({ stem: questions.stem })
    .from(questions)
    .where(own.paperStems.length ? notInArray(questions.stem, own.paperStems) : and());
  for (const q of offPaper) needles.push({ kind: 'bank question off the paper', text: q.stem });

  return dedupe(needles);
}

function dedupe(needles: Needle[]): Needle[] {
  const seen = new Map<string, Needle>();
  for (const n of needles) if (!seen.has(n.text)) seen.set(n.text, n);
  return [...seen.values()];
}

/** A field that carries an answer key: a list, text or flag (a count of correct answers is a number). */
const KEY_FIELD =
  /"(correct|correctOptions?|correctOptionIds|correctAnswers?|answerKey|key|isCorrect|rightAnswers?|solution)"\s*:\s*(\[|"|true)/i;

/** Each needle (or answer key) found in a captured body or event, as "kind 'text' in where". */
export function findLeaks(captured: { where: string; text: string }[], needles: Needle[]): string[] {
  const leaks: string[] = [];
  for (const c of captured) {
    for (const n of needles) {
      // IINs are digits: only a whole 12-digit run counts, not part of a longer number.
      const hit = /^\d+$/.test(n.text)
        ? new RegExp(`(?<!\\d)${n.text}(?!\\d)`).test(c.text)
        : c.text.includes(n.text);
      if (hit) leaks.push(`${n.kind} '${n.text}' in ${c.where}`);
    }
    const key = KEY_FIELD.exec(c.text);
    if (key) leaks.push(`answer key field '${key[1]}' in ${c.where}`);
  }
  return leaks;
}
