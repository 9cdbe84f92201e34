/** At most one report per kind per window; what was held back is sent once at the window's end as "×N". */
export const RATE_WINDOW_MS = 2000;

interface Window {
  timer: ReturnType<typeof setTimeout>;
  suppressed: number;
  detail: string | undefined;
}

export function createRateLimiter<K extends string>(
  send: (kind: K, detail?: string) => void,
  windowMs = RATE_WINDOW_MS,
) {
  const open = new Map<K, Window>();

  const close = (kind: K) => {
    const window = open.get(kind);
    if (!window) return;
    if (window.suppressed === 0) {
      open.delete(kind);
      return;
    }
    send(kind, [window.detail, `×${window.suppressed}`].filter(Boolean).join(' '));
    window.suppressed = 0;
    window.timer = setTimeout(() => close(kind), windowMs);
  };

  return {
    report(kind: K, detail?: string): void {
      const window = open.get(kind);
      if (window) {
        window.suppressed++;
        window.detail = detail;
        return;
      }
      send(kind, detail);
      open.set(kind, { timer: setTimeout(() => close(kind), windowMs), suppressed: 0, detail });
    },
    /** Drops what is held back (the lockdown ended). */
    reset(): void {
      for (const window of open.values()) clearTimeout(window.timer);
      open.clear();
    },
  };
}
