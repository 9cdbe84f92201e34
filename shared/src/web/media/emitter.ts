type AnyListener = (...args: unknown[]) => void;

/**
 * A minimal typed event emitter for browser code (Node's `events` is not in the bundle).
 * Listeners run synchronously in registration order; `on` returns its own unsubscribe.
 */
export class Emitter<Events extends Record<string, unknown[]>> {
  private readonly listeners = new Map<keyof Events, Set<AnyListener>>();

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const stored = listener as unknown as AnyListener;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  protected emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...(args as unknown[]));
  }

  protected removeAllListeners(): void {
    this.listeners.clear();
  }
}
