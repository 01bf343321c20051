import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How a command ended: decided and appended, refused by a rule or check, lost a version race, or failed. */
export type CommandOutcome = 'ok' | 'refused' | 'conflict' | 'error';

/** A read model or process manager as the metrics see it: its name and its state. */
export interface FollowerState {
  name: string;
  state: string;
}

/** The states a projection or process manager reports: each gets a series, 1 for the current one. */
const FOLLOWER_STATES = ['running', 'rebuilding', 'retrying', 'failed', 'stopped'] as const;

/** Seconds: a read answered from a warm cache up to a slow command behind a busy database. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus metrics, in a registry of their own (one per app, so several apps
 * in one process keep theirs apart). Labels carry names from the code (command names,
 * operation kinds, projection names) and outcomes, never a value a request sent.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly commands: Counter<'command' | 'outcome'>;
  readonly graphqlDuration: Histogram<'operation' | 'outcome'>;
  readonly appendDuration: Histogram<'outcome'>;
  readonly appendConflicts: Counter;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.commands = new Counter({
      name: 'tdkt_commands_total',
      help: 'Commands run, by command name and outcome (ok, refused, conflict, error)',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'tdkt_graphql_request_duration_seconds',
      help: 'GraphQL requests from parsing to the answer, by operation kind (query, mutation, unknown) and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.appendDuration = new Histogram({
      name: 'tdkt_event_store_append_duration_seconds',
      help: 'Appends to the event store, by outcome (ok, conflict, error)',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.appendConflicts = new Counter({
      name: 'tdkt_event_store_append_conflicts_total',
      help: 'Appends refused because a stream was not at the expected version',
      registers,
    });
  }

  /** Commands deciding and waiting their turn (commands/commandAdmission.ts), read when scraped. */
  watchCommandAdmission(load: () => { deciding: number; waiting: number }): void {
    new Gauge({
      name: 'tdkt_commands_in_progress',
      help: 'Commands deciding now (state=deciding) and waiting their turn (state=waiting)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const { deciding, waiting } = load();
        this.set({ state: 'deciding' }, deciding);
        this.set({ state: 'waiting' }, waiting);
      },
    });
  }

  /**
   * Each connection pool's connections open and idle, and the statements waiting for one
   * (`pool`: requests, projections, health), read when scraped: a pool that stays at its
   * size with statements waiting is what makes requests slow under load.
   */
  watchPools(pools: Record<string, Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount'>>): void {
    new Gauge({
      name: 'tdkt_db_pool_connections',
      help: 'Connections of each pool open (state=open) and idle (state=idle), and statements waiting for one (state=waiting)',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        for (const [name, pool] of Object.entries(pools)) {
          this.set({ pool: name, state: 'open' }, pool.totalCount);
          this.set({ pool: name, state: 'idle' }, pool.idleCount);
          this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
        }
      },
    });
  }

  /**
   * Gauges of each follower's state and lag, read when scraped: `kind` is `projection` or
   * `process_manager`; `lag` counts the events after a follower's checkpoint that it reads
   * (null when it cannot tell just then).
   */
  watchFollowers(kind: string, states: () => FollowerState[], lag: (name: string) => Promise<number | null>): void {
    const what = kind.replace('_', ' ');
    new Gauge({
      name: `tdkt_${kind}_state`,
      help: `Each ${what}'s state: 1 for the current one`,
      labelNames: ['name', 'state'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const follower of states())
          for (const state of FOLLOWER_STATES)
            this.set({ name: follower.name, state }, follower.state === state ? 1 : 0);
      },
    });
    new Gauge({
      name: `tdkt_${kind}_lag_events`,
      help: `Events after each ${what}'s checkpoint that it reads`,
      labelNames: ['name'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const names = states().map((follower) => follower.name);
        const lags = await Promise.all(names.map(lag));
        names.forEach((name, i) => {
          const events = lags[i];
          if (events !== null) this.set({ name }, events);
        });
      },
    });
  }
}

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `GET /metrics` in Prometheus' text format on a server of its own, apart from the API's
 * port: it answers without a token, so it listens where only the scraper reaches
 * (127.0.0.1 unless METRICS_HOST says otherwise).
 */
export async function startMetricsServer(
  metrics: Metrics,
  options: { port: number; host: string },
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || new URL(request.url ?? '/', 'http://localhost').pathname !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
