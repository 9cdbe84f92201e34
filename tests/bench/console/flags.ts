/**
 * How long a new flag takes to show in the console, from the moment the API call is sent (Node's
 * clock) to the moment the page's DOM shows it and the next frame after (the page's clock:
 * performance.timeOrigin + performance.now(); same machine, same wall clock).
 *
 * - grid: a student's browser reports an automatic flag that is going on (`reportFlags`, no_face);
 *   the student's tile in the live grid turns "needs attention" (the grid refetches the
 *   proctoring overview on `flag:episode`).
 * - detail: the proctor raises a violation with a unique note (`raiseViolation`); the note appears
 *   in the Chat&log of the student detail page open in a second tab (`log:appended`).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

const VISIBLE_TIMEOUT_MS = 10_000;

export interface FlagSample {
  where: 'grid' | 'detail';
  /** Until the DOM showed it, ms. */
  domMs: number | null;
  /** Until the next animation frame after that, ms. */
  frameMs: number | null;
  /** Until the API call answered, ms. */
  apiMs: number;
  status: number;
  /** Grid: the first proctoring overview refetch after the call, from the call: [started, answered] ms. */
  refetch: [number, number] | null;
}

const now = () => performance.timeOrigin + performance.now();

async function timed(
  page: Page,
  where: FlagSample['where'],
  arm: (key: string) => Promise<void>,
  send: () => Promise<Response>,
): Promise<FlagSample> {
  const key = randomUUID();
  await arm(key);
  const sentAt = now();
  const response = await send();
  const apiMs = now() - sentAt;
  await response.arrayBuffer();
  const seen = await page.evaluate(({ key, timeout }) => window.__bench.result(key, timeout), {
    key,
    timeout: VISIBLE_TIMEOUT_MS,
  });
  const [first] =
    where === 'grid'
      ? await page.evaluate((since) => window.__bench.requests('/proctoring', since), sentAt)
      : [];
  return {
    where,
    domMs: seen ? seen.domAt - sentAt : null,
    frameMs: seen ? seen.frameAt - sentAt : null,
    apiMs,
    status: response.status,
    refetch: first ? [first[0] - sentAt, first[1] - sentAt] : null,
  };
}

export function gridFlag(
  grid: Page,
  baseUrl: string,
  sittingId: string,
  student: { id: string; sessionToken: string },
): Promise<FlagSample> {
  const selector = `li.live-tile[data-student-id="${student.id}"][data-needs-attention="true"]`;
  return timed(
    grid,
    'grid',
    (key) =>
      grid.evaluate(({ key, selector }) => window.__bench.watchSelector(key, selector), { key, selector }),
    () =>
      fetch(`${baseUrl}/api/student/sittings/${sittingId}/flags`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `adal_session=${student.sessionToken}` },
        body: JSON.stringify({
          reports: [
            {
              episodeId: randomUUID(),
              type: 'no_face',
              startedAt: new Date().toISOString(),
              endedAt: null,
              confidence: 90,
            },
          ],
        }),
      }),
  );
}

export function detailFlag(
  detail: Page,
  baseUrl: string,
  sittingId: string,
  studentId: string,
  proctorCookie: string,
  index: number,
): Promise<FlagSample> {
  const note = `bench flag ${index} ${randomUUID().slice(0, 8)}`;
  return timed(
    detail,
    'detail',
    (key) =>
      detail.evaluate(({ key, note }) => window.__bench.watchText(key, 'ol.sd-log', note), { key, note }),
    () =>
      fetch(`${baseUrl}/api/sittings/${sittingId}/students/${studentId}/violations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: proctorCookie },
        body: JSON.stringify({ type: 'phone_or_device', severity: 'high', note }),
      }),
  );
}
