import { eq } from 'drizzle-orm';
import type { Response } from 'express';
import { recordAudit } from '../audit/record-audit.js';
import type { Config } from '../config.js';
import type { Actor } from '../http/actor.js';
import { defineRoute } from '../http/define-route.js';
import { HttpError } from '../http/http-error.js';
import { consume } from '../http/rate-limits.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { users } from './schema.js';
import { sessionToken } from './session-middleware.js';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  SESSION_COOKIE,
  sessionTokenHash,
} from './sessions.js';

// Compared against when the login does not exist, so both cases take the same time.
const decoyHash = hashPassword('decoy-password-never-matches');

const toMe = (a: Actor) => ({
  id: a.id,
  login: a.login,
  fullName: a.fullName,
  role: a.role,
  language: a.language,
});

function setSessionCookie(res: Response, config: Config, token: string | null): void {
  const options = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: '/',
  };
  if (token) res.cookie(SESSION_COOKIE, token, { ...options, maxAge: config.sessionTtlHours * 3600_000 });
  else res.clearCookie(SESSION_COOKIE, options);
}

export const login = defineRoute('login', {
  access: 'public',
  async handle({ body, ctx, req, res }) {
    const limiterKey = `${req.ip}|${body.login.toLowerCase()}`;
    const address = req.ip ?? 'unknown';
    await consume(ctx.limits.login, limiterKey);
    // Counted before the check (guesses in parallel all count), given back when it succeeds.
    await consume(ctx.limits.loginFailuresPerAddress, address);
    const [user] = await ctx.db
      .select()
      .from(users)
      .where(eq(users.login, body.login.toLowerCase()))
      .limit(1);
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash));
    if (!user || !ok) {
      await recordAudit(ctx.db, {
        actorId: null,
        action: 'login.failed',
        subject: body.login,
        details: { ip: req.ip },
      });
      throw new HttpError('unauthenticated', 'Wrong login or password.');
    }
    await ctx.limits.login.delete(limiterKey);
    await ctx.limits.loginFailuresPerAddress.reward(address, 1);
    // The browser's previous session (another account, or this one) ends: one session per browser.
    const previous = sessionToken(req.headers.cookie);
    if (previous) {
      await deleteSession(ctx.db, previous);
      ctx.live.sessionEnded(sessionTokenHash(previous));
    }
    setSessionCookie(res, ctx.config, await createSession(ctx.db, user.id, ctx.config.sessionTtlHours));
    await recordAudit(ctx.db, {
      actorId: user.id,
      action: 'login',
      subject: user.login,
      details: { ip: req.ip },
    });
    return toMe(user as Actor);
  },
});

export const logout = defineRoute('logout', {
  access: 'authenticated',
  async handle({ ctx, req, res }) {
    const token = sessionToken(req.headers.cookie);
    if (token) {
      await deleteSession(ctx.db, token);
      ctx.live.sessionEnded(sessionTokenHash(token));
    }
    setSessionCookie(res, ctx.config, null);
    return {};
  },
});

/**
 * Ends every session of the signed-in user — a lost phone, a shared lab computer — and
 * disconnects their sockets; this browser is signed out too.
 */
export const logoutEverywhere = defineRoute('logoutEverywhere', {
  access: 'authenticated',
  async handle({ actor, ctx, req, res }) {
    const ended = await deleteUserSessions(ctx.db, actor.id);
    for (const tokenHash of ended) ctx.live.sessionEnded(tokenHash);
    setSessionCookie(res, ctx.config, null);
    await recordAudit(ctx.db, {
      actorId: actor.id,
      action: 'logout.everywhere',
      subject: actor.login,
      details: { ip: req.ip, endedSessions: ended.length },
    });
    return { endedSessions: ended.length };
  },
});

export const me = defineRoute('me', {
  access: 'authenticated',
  handle: async ({ actor }) => toMe(actor),
});

export const updateMe = defineRoute('updateMe', {
  access: 'authenticated',
  async handle({ actor, body, ctx }) {
    await ctx.db.update(users).set({ language: body.language }).where(eq(users.id, actor.id));
    return toMe({ ...actor, language: body.language });
  },
});
