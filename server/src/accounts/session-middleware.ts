import { parse } from 'cookie';
import type { RequestHandler } from 'express';
import type { Db } from '../db/database.js';
import type { Actor } from '../http/actor.js';
import { findSession, findSessionActor, SESSION_COOKIE } from './sessions.js';

export const sessionToken = (cookieHeader: string | undefined): string | undefined =>
  cookieHeader ? parse(cookieHeader)[SESSION_COOKIE] : undefined;

export async function actorFromCookie(db: Db, cookieHeader: string | undefined): Promise<Actor | null> {
  const token = sessionToken(cookieHeader);
  return token ? findSessionActor(db, token) : null;
}

export async function sessionFromCookie(db: Db, cookieHeader: string | undefined) {
  const token = sessionToken(cookieHeader);
  return token ? findSession(db, token) : null;
}

/** Attaches req.actor when the request carries a live session cookie. */
export function sessionMiddleware(db: Db): RequestHandler {
  return async (req, _res, next) => {
    try {
      const actor = await actorFromCookie(db, req.headers.cookie);
      if (actor) req.actor = actor;
      next();
    } catch (error) {
      next(error);
    }
  };
}
