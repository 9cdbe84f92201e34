import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { sessions, users } from './schema.js';

export const SESSION_COOKIE = 'adal_session';

/** What the sessions table stores of a token; also names the socket room of that session. */
export const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, userId: string, ttlHours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ tokenHash: sessionTokenHash(token), userId, expiresAt });
  return token;
}

/** The live session of a token: who it is and until when, or null. */
export async function findSession(db: Db, token: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
  const [row] = await db
    .select({
      id: users.id,
      login: users.login,
      fullName: users.fullName,
      role: users.role,
      language: users.language,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sessionTokenHash(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  const { expiresAt, ...actor } = row;
  return { actor: actor as Actor, expiresAt };
}

export async function findSessionActor(db: Db, token: string): Promise<Actor | null> {
  return (await findSession(db, token))?.actor ?? null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionTokenHash(token)));
}

/** Ends every session of a user; returns the ended sessions' token hashes (their socket rooms). */
export async function deleteUserSessions(db: Db, userId: string): Promise<string[]> {
  const gone = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ tokenHash: sessions.tokenHash });
  return gone.map((s) => s.tokenHash);
}

export async function purgeExpiredSessions(db: Db): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning();
  return gone.length;
}
