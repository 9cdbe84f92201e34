import {
  type DeletedRecording,
  type RecordingSegment,
  SfuRecordingList,
  SfuRecordingsDeleted,
  sfuInternal,
} from '@adal/shared';
import { signServiceToken } from '@adal/shared/media-token';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { HttpError } from '../../http/http-error.js';

/**
 * The server's side of the SFU nodes' internal recordings API. A sitting's segments are on the
 * node(s) that recorded it, so every live node is asked; a node that does not answer is counted,
 * never hidden.
 */
const LIST_TIMEOUT_MS = 10_000;
/** An export remuxes the segment first (codec copy); a long one takes a few seconds. */
const EXPORT_TIMEOUT_MS = 120_000;

type Ctx = Pick<AppContext, 'sfu' | 'config' | 'log'>;

async function call(ctx: Ctx, base: string, path: string, init: RequestInit, timeoutMs: number) {
  const token = await signServiceToken('server', ctx.config.mediaTokenSecret, 60, 'sfu');
  const abort = new AbortController();
  const timer = setTimeout(
    () => abort.abort(new Error(`no answer from ${base} in ${timeoutMs} ms`)),
    timeoutMs,
  );
  try {
    return await fetch(new URL(path, base), {
      ...init,
      signal: abort.signal,
      headers: { ...init.headers, authorization: `Bearer ${token}` },
    });
  } finally {
    // Only the wait for the headers is bounded: a download may then take as long as it takes.
    clearTimeout(timer);
  }
}

/** Calls every live node; answers parsed by `schema`, failures counted as unreachable. */
async function everyNode<T>(
  ctx: Ctx,
  path: string,
  init: RequestInit,
  schema: z.ZodType<T>,
): Promise<{ answers: T[]; unreachable: number }> {
  const urls = await ctx.sfu.allUrls();
  const results = await Promise.allSettled(
    urls.map(async (url) => {
      const res = await call(ctx, url, path, init, LIST_TIMEOUT_MS);
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return schema.parse(await res.json());
    }),
  );
  const answers: T[] = [];
  let unreachable = 0;
  for (const [i, r] of results.entries()) {
    if (r.status === 'fulfilled') answers.push(r.value);
    else {
      unreachable++;
      ctx.log.warn({ node: urls[i], err: r.reason }, 'media server did not answer a recordings call');
    }
  }
  return { answers, unreachable };
}

export async function listSegments(ctx: Ctx, sittingId: string) {
  const { answers, unreachable } = await everyNode(
    ctx,
    sfuInternal.list(sittingId),
    { method: 'GET' },
    SfuRecordingList,
  );
  const byId = new Map<string, RecordingSegment>();
  for (const a of answers) for (const r of a.recordings) byId.set(r.id, r);
  const segments = [...byId.values()].sort(
    (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  return { segments, unreachable };
}

export async function deleteSittingSegments(ctx: Ctx, sittingId: string) {
  const { answers, unreachable } = await everyNode(
    ctx,
    sfuInternal.deleteSitting(sittingId),
    { method: 'DELETE' },
    SfuRecordingsDeleted,
  );
  return { deleted: answers.flatMap((a) => a.deleted), unreachable };
}

export async function sweepRetention(ctx: Ctx, olderThanDays: number) {
  const { answers, unreachable } = await everyNode(
    ctx,
    sfuInternal.retention,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ olderThanDays }),
    },
    SfuRecordingsDeleted,
  );
  return { deleted: answers.flatMap((a): DeletedRecording[] => a.deleted), unreachable };
}

/** The WebM of one segment from whichever node has it: a 200 response whose body is the file. */
export async function openSegmentFile(ctx: Ctx, sittingId: string, id: string): Promise<Response> {
  const urls = await ctx.sfu.allUrls();
  let failed = 0;
  for (const url of urls) {
    let res: Response;
    try {
      res = await call(ctx, url, sfuInternal.file(sittingId, id), { method: 'GET' }, EXPORT_TIMEOUT_MS);
    } catch (error) {
      failed++;
      ctx.log.warn({ node: url, err: error }, 'media server did not answer a download');
      continue;
    }
    if (res.ok && res.body) return res;
    const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    if (res.status === 404) continue;
    if (body?.error?.code === 'no_frames')
      throw new HttpError('conflict', 'This recording has no frames to play yet.');
    failed++;
    ctx.log.error({ node: url, status: res.status, body }, 'media server failed to export a recording');
  }
  if (failed)
    throw new HttpError('service_unavailable', 'The media server could not provide this recording now.');
  throw new HttpError('not_found', 'Recording not found.');
}
