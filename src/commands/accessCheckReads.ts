import type { Loaded } from './commandTransaction';

/**
 * The streams one mutation's access check read, kept for the first command the mutation
 * runs: that command decides on the same facts its caller was authorized on, and does not
 * read them a second time. Its own stream it reads again when its turn comes
 * (CommandAdmission), since that read is the version its append expects; a retry after a
 * version conflict reads everything afresh.
 */
export class AccessCheckReads {
  private readonly loaded = new Map<string, { decider: object; loaded: Loaded<unknown> }>();
  private claimed = false;

  remember(decider: object, loaded: Loaded<unknown>): void {
    if (!this.claimed) this.loaded.set(loaded.streamId, { decider, loaded });
  }

  /**
   * These reads, without `ownStreamId`, for the command about to decide on that stream;
   * null once a command has had them, so a later command of the same mutation reads what
   * the earlier one appended, and null for a command whose stream is not known before it runs.
   */
  claim(ownStreamId: string | undefined): AccessCheckReads | null {
    if (this.claimed) return null;
    this.claimed = true;
    if (ownStreamId === undefined) return null;
    this.loaded.delete(ownStreamId);
    return this;
  }

  /** The stream as the access check read it, through the same decider; undefined when it did not. */
  get<S>(decider: object, streamId: string): Loaded<S> | undefined {
    const entry = this.loaded.get(streamId);
    return entry?.decider === decider ? (entry.loaded as Loaded<S>) : undefined;
  }
}
