import { describe, expect, it } from 'vitest';
import type { MediaGrant } from './sources.js';
import {
  MediaTokenError,
  signMediaToken,
  signServiceToken,
  verifyMediaToken,
  verifyServiceToken,
} from './token.js';

const grant: MediaGrant = {
  userId: '7b0c5a52-8f59-4a52-9a3e-0c4f8e1f2a01',
  sittingId: '1f4b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  peerRole: 'student',
  studentId: '7b0c5a52-8f59-4a52-9a3e-0c4f8e1f2a01',
  sources: ['webcam', 'microphone', 'screen'],
};
const secret = 'a-test-secret-of-enough-length-123456';

describe('media token', () => {
  it('round-trips the grant', async () => {
    expect(await verifyMediaToken(await signMediaToken(grant, secret, 60), secret)).toEqual(grant);
  });

  it('refuses another secret, an expired token and a tampered one', async () => {
    const token = await signMediaToken(grant, secret, 60);
    await expect(verifyMediaToken(token, `${secret}x`)).rejects.toThrow(MediaTokenError);
    await expect(verifyMediaToken(await signMediaToken(grant, secret, -10), secret)).rejects.toThrow(
      MediaTokenError,
    );
    const [h, p, s] = token.split('.');
    const forged = btoa(JSON.stringify({ grant: { ...grant, sources: ['webcam', 'screen', 'phone'] } }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    await expect(verifyMediaToken(`${h}.${forged}.${s}`, secret)).rejects.toThrow(MediaTokenError);
    expect(p).toBeTruthy();
  });

  it('keeps service tokens to their audience: a token for the server is refused by the SFU and back', async () => {
    const toServer = await signServiceToken('sfu', secret);
    const toSfu = await signServiceToken('server', secret, 60, 'sfu');
    expect(await verifyServiceToken(toServer, secret)).toBe('sfu');
    expect(await verifyServiceToken(toSfu, secret, 'sfu')).toBe('server');
    await expect(verifyServiceToken(toServer, secret, 'sfu')).rejects.toThrow(MediaTokenError);
    await expect(verifyServiceToken(toSfu, secret)).rejects.toThrow(MediaTokenError);
    // A media token is never a service token.
    await expect(verifyServiceToken(await signMediaToken(grant, secret, 60), secret, 'sfu')).rejects.toThrow(
      MediaTokenError,
    );
  });
});
