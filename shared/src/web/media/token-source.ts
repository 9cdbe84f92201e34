import type { CallApi } from '../api-client.js';
import { MediaError } from './media-error.js';

/** What a media client needs to join the SFU: a short-lived signed token and where to send it. */
export interface MediaTicket {
  token: string;
  sfuUrl: string;
}

/** Called on every (re)connect: tokens last minutes, so each connection attempt gets a fresh one. */
export type MediaTokenSource = () => Promise<MediaTicket>;

/** Tokens minted by the server for the signed-in user (`POST /api/sittings/:id/media-token`). */
export function apiTokenSource(
  callApi: CallApi,
  sittingId: string,
  device: 'computer' | 'phone' = 'computer',
): MediaTokenSource {
  return async () => {
    const { token, sfuUrl } = await callApi('mediaToken', { params: { sittingId }, body: { device } });
    return { token, sfuUrl };
  };
}

/** When a token expires (ms since the epoch), read from its payload; null when unreadable. Not a check of its signature. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * One token for the whole session: the phone page has no login, the QR code's token is its
 * credential. Once it has expired, reconnecting needs a new code.
 */
export function fixedTokenSource(ticket: MediaTicket, now: () => number = Date.now): MediaTokenSource {
  return async () => {
    const expiry = tokenExpiry(ticket.token);
    if (expiry !== null && expiry <= now())
      throw new MediaError('token_expired', 'the phone link has expired');
    return ticket;
  };
}
