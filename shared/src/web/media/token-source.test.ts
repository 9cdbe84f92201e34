import { describe, expect, it } from 'vitest';
import { MediaError } from './media-error.js';
import { fixedTokenSource, tokenExpiry } from './token-source.js';

const b64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const tokenExpiringAt = (seconds: number) => `${b64url({ alg: 'HS256' })}.${b64url({ exp: seconds })}.sig`;

describe('media token sources', () => {
  it('reads the expiry of a token without checking it', () => {
    expect(tokenExpiry(tokenExpiringAt(1_800_000_000))).toBe(1_800_000_000_000);
    expect(tokenExpiry('not-a-token')).toBeNull();
    expect(tokenExpiry('a.!!!.c')).toBeNull();
  });

  it('gives the phone its one token until it expires, then token_expired', async () => {
    const ticket = { token: tokenExpiringAt(1000), sfuUrl: 'http://127.0.0.1:3010' };
    expect(await fixedTokenSource(ticket, () => 999_000)()).toEqual(ticket);
    const expired = fixedTokenSource(ticket, () => 1_000_000)();
    await expect(expired).rejects.toThrow(MediaError);
    await expect(expired).rejects.toMatchObject({ code: 'token_expired' });
  });
});
