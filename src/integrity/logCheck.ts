import { performance } from 'node:perf_hooks';
import { StreamChainCheck, type ChainFinding } from '../eventStore/chainCheck';
import { comparePositions, type EventStore, type RecordedEvent, type StreamHead } from '../eventStore/eventStore.port';

export interface LogCheckProgress {
  events: number;
  streams: number;
  elapsedMs: number;
}

export interface LogCheckOptions {
  /** Check the events at or below this position (default: the log's safely readable head). */
  upTo?: string;
  /** Also collect each stream's head at this position (a kept digest's). */
  headsAt?: string;
  onProgress?: (progress: LogCheckProgress) => void;
  /** How often `onProgress` is called while reading (default 2 s). */
  progressEveryMs?: number;
  pageSize?: number;
}

export interface LogCheckResult {
  upTo: string;
  events: number;
  streams: number;
  /** The first event not as appended, per broken stream. */
  findings: ChainFinding[];
  /** Each stream's head at `upTo`, as stored (also of broken streams). */
  heads: StreamHead[];
  /** Each stream's head at `headsAt`, when asked. */
  headsAt: StreamHead[] | null;
  elapsedMs: number;
}

/** One stream while its events are read. */
class StreamPass {
  readonly check: StreamChainCheck;
  last: RecordedEvent | null = null;
  lastAt: RecordedEvent | null = null;

  constructor(
    readonly streamId: string,
    private readonly headsAt: string | null,
  ) {
    this.check = new StreamChainCheck(streamId);
  }

  add(event: RecordedEvent): void {
    this.check.add(event);
    this.last = event;
    // Versions ascend, so the last event at or below the position is the stream's head there.
    if (this.headsAt !== null && comparePositions(event.position, this.headsAt) <= 0) this.lastAt = event;
  }
}

const headOf = (event: RecordedEvent): StreamHead => ({
  streamId: event.streamId,
  version: event.streamVersion,
  hash: event.metadata.hash,
});

/**
 * Checks every stream's chain from the log itself, one stream at a time, and collects
 * each stream's head (for a digest), in one read of the log.
 */
export async function checkLog(store: EventStore, options: LogCheckOptions = {}): Promise<LogCheckResult> {
  const started = performance.now();
  const upTo = options.upTo ?? (await store.headPosition());
  const result: LogCheckResult = {
    upTo,
    events: 0,
    streams: 0,
    findings: [],
    heads: [],
    headsAt: options.headsAt ? [] : null,
    elapsedMs: 0,
  };
  const every = options.progressEveryMs ?? 2_000;
  let reported = started;
  let stream = null as StreamPass | null;
  const close = (pass: StreamPass) => {
    result.streams++;
    const finding = pass.check.finish();
    if (finding) result.findings.push(finding);
    if (pass.last) result.heads.push(headOf(pass.last));
    if (pass.lastAt) result.headsAt?.push(headOf(pass.lastAt));
  };
  for await (const page of store.readEveryStream({ upTo, pageSize: options.pageSize })) {
    for (const event of page) {
      if (stream?.streamId !== event.streamId) {
        if (stream) close(stream);
        stream = new StreamPass(event.streamId, options.headsAt ?? null);
      }
      stream.add(event);
    }
    result.events += page.length;
    const now = performance.now();
    if (options.onProgress && now - reported >= every) {
      reported = now;
      options.onProgress({ events: result.events, streams: result.streams, elapsedMs: Math.round(now - started) });
    }
  }
  if (stream) close(stream);
  result.elapsedMs = Math.round(performance.now() - started);
  return result;
}
