/** A wall clock in `timeZone`: the zero-padded date and time fields of an instant there. */
export function wallClock(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (at: number | Date) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
  };
}

/** How far `timeZone`'s clock is ahead of UTC at the instant `at` (ms). */
function offsetMs(at: number, timeZone: string): number {
  const p = wallClock(timeZone)(at);
  const n = (v: string) => Number(v);
  return Date.UTC(n(p.year), n(p.month) - 1, n(p.day), n(p.hour), n(p.minute), n(p.second)) - at;
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins on the university's clock: a student who picks
 * "22 November" means Almaty's 22 November, not UTC's.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - offsetMs(utcMidnight, timeZone));
}

/** The instant the day after `day` begins: the exclusive end of a period ending on `day`. */
export function endOfDay(day: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}
