import { EventEmitter } from 'node:events';

/** Tells those waiting on the projections that one of them moved: a batch applied, a failure, a switch. */
export class ProgressSignal {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(): void {
    this.emitter.emit('progress');
  }

  /** Calls `listener` at every progress. */
  onEach(listener: () => void): void {
    this.emitter.on('progress', listener);
  }

  /** Resolves at the next progress, or after `timeoutMs`. */
  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off('progress', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.emitter.on('progress', done);
    });
  }
}
