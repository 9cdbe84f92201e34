import type { FlagReport } from '@adal/shared';

/**
 * Flag reports on their way to the server. A report the device made is kept (in `storage`,
 * localStorage in the browser) until the server accepted it, so a dropped connection or a reload
 * loses no flag; the server counts a resent report once (same episode id and state).
 */
export interface ReportStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The browser's localStorage, or null where storage is disabled (reports then go out from memory). */
export function browserReportStorage(): ReportStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export type SendReports = (reports: FlagReport[]) => Promise<void>;

const BATCH = 20; // the route takes at most 20 reports per request
const MAX_KEPT = 500; // a device offline for hours keeps the newest ones

export class FlagSender {
  private queue: FlagReport[];
  private sending = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private closed = false;
  private retiring = false;

  constructor(
    private readonly key: string,
    private readonly send: SendReports,
    private readonly storage: ReportStorage | null,
  ) {
    this.queue = this.load();
    if (this.queue.length) void this.flush();
  }

  get pending(): number {
    return this.queue.length;
  }

  add(report: FlagReport): void {
    this.queue.push(report);
    if (this.queue.length > MAX_KEPT) this.queue.splice(0, this.queue.length - MAX_KEPT);
    this.save();
    void this.flush();
  }

  /** Sends what is queued, oldest first; on failure tries again later (1 s, 2 s, … 30 s). */
  async flush(): Promise<void> {
    if (this.sending || this.closed) return;
    this.sending = true;
    clearTimeout(this.retryTimer);
    try {
      while (this.queue.length && !this.closed) {
        const batch = this.queue.slice(0, BATCH);
        await this.send(batch);
        this.queue.splice(0, batch.length);
        this.save();
        this.failures = 0;
      }
    } catch {
      // A retired sender does not try again later: storage keeps the reports for the next page.
      if (this.retiring) return this.close();
      this.failures += 1;
      const delay = Math.min(30_000, 1000 * 2 ** (this.failures - 1));
      this.retryTimer = setTimeout(() => void this.flush(), delay);
    } finally {
      this.sending = false;
    }
  }

  /**
   * The page no longer monitors this sitting: what is queued (and reports still arriving, such as
   * the ones that end episodes) is sent once more, without retrying later.
   */
  retire(): void {
    this.retiring = true;
    void this.flush();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  private load(): FlagReport[] {
    try {
      const raw = this.storage?.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as FlagReport[]) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      if (!this.storage) return;
      if (this.queue.length) this.storage.setItem(this.key, JSON.stringify(this.queue));
      else this.storage.removeItem(this.key);
    } catch {
      // Storage full or disabled: the reports still go out from memory.
    }
  }
}
