/**
 * Version conflicts a command handler retried, per command name, since it was made: a
 * command allowed to retry reloads its streams and decides again when another writer
 * appended first. The benchmark reads them.
 */
export class ConflictRetries {
  private readonly byCommand = new Map<string, number>();

  /**
   * `attempt`, counting each run after the first as one retry of `name`: the handler runs
   * a command's attempt again only after a version conflict the command may retry.
   */
  counting<T>(name: string, attempt: (tx: T) => Promise<void>): (tx: T) => Promise<void> {
    let runs = 0;
    return (tx) => {
      if (runs++ > 0) this.byCommand.set(name, (this.byCommand.get(name) ?? 0) + 1);
      return attempt(tx);
    };
  }

  /** Retries so far, per command name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.byCommand);
  }
}
