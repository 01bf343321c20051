/** Callers waiting for the next append, each until it is heard or its time runs out; woken all at once. */
export class AppendWaiters {
  private readonly waiters = new Set<() => void>();

  /** Resolves when `wakeAll` is next called, or after `timeoutMs`. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      timer.unref();
      this.waiters.add(wake);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
