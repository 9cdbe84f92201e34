import { describe, expect, it } from 'vitest';
import { parsePhoneLink, phoneLinkUrl } from './phone-link.js';

const link = {
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJncmFudCI6e319.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg',
  sittingId: '1f4b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  sfuUrl: 'https://sfu.example.kz:3010',
};

describe('phone link', () => {
  it('round-trips through the QR code URL', () => {
    const url = new URL(phoneLinkUrl('https://exam.example.kz', link));
    expect(url.origin + url.pathname).toBe('https://exam.example.kz/phone');
    expect(parsePhoneLink(url.search)).toEqual(link);
  });

  it('refuses a link with a missing or malformed part', () => {
    const query = new URLSearchParams({ t: link.token, s: link.sittingId, u: link.sfuUrl });
    for (const key of ['t', 's', 'u']) {
      const broken = new URLSearchParams(query);
      broken.delete(key);
      expect(parsePhoneLink(`?${broken}`)).toBeNull();
    }
    expect(parsePhoneLink(`?${new URLSearchParams({ ...Object.fromEntries(query), s: 'nope' })}`)).toBeNull();
    expect(
      parsePhoneLink(`?${new URLSearchParams({ ...Object.fromEntries(query), u: 'javascript:alert(1)' })}`),
    ).toBeNull();
  });
});
