import type { FlagReport } from '@adal/shared';

/**
 * The exam page's own view of focus (issue 8): the window losing focus (another application,
 * another window) and the page being hidden are one focus_lost episode until the student is back.
 * The extension reports the same from the browser's side; the server merges reports of one type
 * into one episode, so both together count once. This one works without the extension too.
 */
export interface FocusTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface FocusWatchDeps {
  window: FocusTarget;
  document: FocusTarget & { visibilityState: string; hasFocus(): boolean };
  report(report: FlagReport): void;
  now(): Date;
  newId(): string;
}

export class FocusWatch {
  private away: { episodeId: string; startedAt: string } | null = null;
  private readonly check = () => this.update();

  constructor(private readonly deps: FocusWatchDeps) {
    deps.window.addEventListener('blur', this.check);
    deps.window.addEventListener('focus', this.check);
    deps.document.addEventListener('visibilitychange', this.check);
  }

  private update(): void {
    const { document } = this.deps;
    const present = document.visibilityState === 'visible' && document.hasFocus();
    if (!present && !this.away) {
      this.away = { episodeId: this.deps.newId(), startedAt: this.deps.now().toISOString() };
      this.send(null);
    } else if (present && this.away) {
      this.send(this.deps.now().toISOString());
      this.away = null;
    }
  }

  private send(endedAt: string | null): void {
    if (!this.away) return;
    this.deps.report({
      episodeId: this.away.episodeId,
      type: 'focus_lost',
      startedAt: this.away.startedAt,
      endedAt,
      confidence: 80,
      detail: 'page',
    });
  }

  /** Ends an open episode (the test is over) and stops listening. */
  stop(): void {
    if (this.away) {
      this.send(this.deps.now().toISOString());
      this.away = null;
    }
    this.deps.window.removeEventListener('blur', this.check);
    this.deps.window.removeEventListener('focus', this.check);
    this.deps.document.removeEventListener('visibilitychange', this.check);
  }
}
