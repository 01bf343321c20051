import { MultiBar } from 'cli-progress';
import type { CliIo } from './io';

/** One bar: how far, and how fast. */
export interface ProgressBar {
  update(value: number, eventsPerSecond: number): void;
  setTotal(total: number): void;
}

/** Bars drawn on standard error while it is a terminal; elsewhere (a pipe, a log file) nothing is drawn. */
export interface ProgressBars {
  create(label: string, total: number): ProgressBar;
  stop(): void;
}

const FORMAT = '{label} |{bar}| {value}/{total} events | {rate} events/s | ETA {eta_formatted}';

export function progressBars(io: CliIo): ProgressBars {
  if (!io.interactive)
    return { create: () => ({ update: () => undefined, setTotal: () => undefined }), stop: () => undefined };
  const bars = new MultiBar({ format: FORMAT, stream: process.stderr, hideCursor: true, etaBuffer: 50 });
  return {
    create: (label, total) => {
      const bar = bars.create(total, 0, { label, rate: 0 });
      return {
        update: (value, eventsPerSecond) => bar.update(value, { label, rate: eventsPerSecond }),
        setTotal: (next) => bar.setTotal(next),
      };
    },
    stop: () => bars.stop(),
  };
}
