import { z } from 'zod';

/** The phone page's address inside the exam client. */
export const PHONE_PATH = '/phone';

export interface PhoneLink {
  /** A phone-only media token: it may publish the `phone` source of one student in one sitting. */
  token: string;
  sittingId: string;
  /** The SFU's public URL; the phone has no session to ask the server for it. */
  sfuUrl: string;
}

const Params = z.object({
  t: z.string().min(20).max(4096),
  s: z.string().uuid(),
  u: z
    .string()
    .url()
    .refine((u) => /^https?:$/.test(new URL(u).protocol), 'http(s) only'),
});

/** The URL the QR code encodes: `/phone?t=<token>&s=<sittingId>&u=<sfuUrl>` on the exam client's origin. */
export function phoneLinkUrl(origin: string, link: PhoneLink): string {
  const query = new URLSearchParams({ t: link.token, s: link.sittingId, u: link.sfuUrl });
  return `${origin}${PHONE_PATH}?${query.toString()}`;
}

/** The link's parts from the phone page's query string, or null when any is missing or malformed. */
export function parsePhoneLink(search: string): PhoneLink | null {
  const query = new URLSearchParams(search);
  const parsed = Params.safeParse({ t: query.get('t'), s: query.get('s'), u: query.get('u') });
  if (!parsed.success) return null;
  return { token: parsed.data.t, sittingId: parsed.data.s, sfuUrl: parsed.data.u };
}
