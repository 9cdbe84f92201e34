import type { Actor } from './actor.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by the session middleware when the request carries a valid session cookie. */
      actor?: Actor;
    }
  }
}
