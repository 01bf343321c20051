import type { Logger } from '../infra/logger';
import type { TransientOutage } from './projectionWorker';

/**
 * The runner's account of a database outage: it starts at the first transient error of a
 * log read, a commit or an idle connection of the runner's pool, and ends at the next
 * successful read, when `recover` runs (once at a time) to check what the outage may
 * have lost.
 */
export class OutageRecovery {
  private current: TransientOutage | null = null;
  private recovering: Promise<void> | undefined;
  /** Transient errors noted so far: one noted during a recovery keeps the outage open. */
  private failures = 0;

  constructor(
    private readonly recover: () => Promise<void>,
    private readonly log: Logger['info'],
  ) {}

  /** The outage going on, if any: the last transient error and since when. */
  get outage(): TransientOutage | null {
    return this.current;
  }

  failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (!this.current) this.log('database unreachable: the projections retry', { error: message });
    this.current = { error: message, since: this.current?.since ?? new Date() };
    this.failures++;
  }

  /** A read succeeded: an outage in progress is over. */
  succeeded(): void {
    if (!this.current || this.recovering) return;
    const { since } = this.current;
    const failuresBefore = this.failures;
    this.recovering = this.recover()
      .then(
        () => {
          if (this.failures !== failuresBefore) return;
          this.current = null;
          this.log('database reachable again: the projections resume', { since: since.toISOString() });
        },
        (error) => this.log('checking the projections after an outage failed', { error: String(error) }),
      )
      .finally(() => {
        this.recovering = undefined;
      });
  }

  /** Resolves once a recovery in progress has ended. */
  async settled(): Promise<void> {
    await this.recovering;
  }
}
