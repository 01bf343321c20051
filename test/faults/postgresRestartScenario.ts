// The app, in a process of its own, on a PostgreSQL that is stopped and started again
// while clients send commands over HTTP: it stays up, says so on /health, reconnects by
// itself, loses nothing it acknowledged, and its read models catch up. Run in one mode
// per test file.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { Pool } from 'pg';
import { authorization } from '../support/auth';
import { until } from '../support/until';
import {
  firstLine,
  runTs,
  startRestartablePostgres,
  type RestartablePostgres,
  type ShutdownMode,
} from './restartablePostgres';

const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id streamId version position } }`;
const CAUGHT_UP = `query($position: String!) { projectionsCaughtUp(position: $position, timeoutMs: 30000) }`;
const PROJECTIONS = `{ projections { name state error } }`;

interface Acknowledged {
  id: string;
  streamId: string;
  version: number;
  position: string;
}

interface Refused {
  status: number;
  code: string;
  message: string;
}

interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const CLIENTS = 4;
/** Commands one client sends at most: the loops are bounded whatever happens. */
const COMMANDS_PER_CLIENT = 3_000;
/** A client waits this long after a refusal before its next command, as a client backs off. */
const PAUSE_AFTER_REFUSAL_MS = 50;

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authorization({ sub: 'admin-fault', role: 'ADMIN' })) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] };
}

async function health(url: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** Clients sending registerUnit commands, one at a time each, until stopped. */
class CommandClients {
  readonly acknowledged: Acknowledged[] = [];
  readonly refused: Refused[] = [];
  private stopped = false;
  private readonly loops: Promise<void>[];

  constructor(private readonly url: string) {
    this.loops = Array.from({ length: CLIENTS }, (_, client) => this.run(client));
  }

  private async run(client: number): Promise<void> {
    for (let n = 0; n < COMMANDS_PER_CLIENT && !this.stopped; n++) {
      const id = `fault-${client}-${n}`;
      const input = { id, name: `Đơn vị ${id}`, kind: 'AGENCY', level: 'UNIT' };
      let answer: GraphQLAnswer;
      try {
        answer = await post(this.url, REGISTER_UNIT, { input });
      } catch (error) {
        // The app itself did not answer: what the test must never see.
        this.refused.push({ status: 0, code: 'NO_ANSWER', message: String(error) });
        return;
      }
      const result = answer.body.data?.registerUnit as Acknowledged | undefined;
      if (result) {
        this.acknowledged.push(result);
        continue;
      }
      const error = answer.body.errors?.[0];
      this.refused.push({
        status: answer.status,
        code: error?.extensions?.code ?? 'NONE',
        message: error?.message ?? '',
      });
      await new Promise((resolve) => setTimeout(resolve, PAUSE_AFTER_REFUSAL_MS));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

/** The app in a child process on `databaseUrl`, with its stderr kept for the failure message. */
async function startAppProcess(
  databaseUrl: string,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; log: string[] }> {
  const child = runTs('test/faults/postgresRestartApp.ts', [databaseUrl]);
  const log: string[] = [];
  child.stderr.on('data', (chunk) => log.push(String(chunk)));
  const { url } = JSON.parse(await firstLine(child)) as { url: string };
  return { child, url, log };
}

/** The checks after the restart: nothing acknowledged lost, read models caught up and running. */
async function expectAllKept(pool: Pool, url: string, acknowledged: Acknowledged[]): Promise<void> {
  const last = acknowledged.map((a) => BigInt(a.position)).reduce((a, b) => (a > b ? a : b));
  const caughtUp = await post(url, CAUGHT_UP, { position: last.toString() });
  expect(caughtUp.body).toEqual({ data: { projectionsCaughtUp: true } });
  const { rows } = await pool.query<{ stream_id: string; stream_version: number; position: string }>(
    `SELECT stream_id, stream_version, position::text FROM events WHERE stream_id = ANY($1)`,
    [acknowledged.map((a) => a.streamId)],
  );
  const stored = new Set(rows.map((r) => `${r.stream_id}@${r.stream_version}:${r.position}`));
  const lost = acknowledged.filter((a) => !stored.has(`${a.streamId}@${a.version}:${a.position}`));
  expect(lost).toEqual([]);
  const units = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registry.units WHERE unit_id = ANY($1)`,
    [acknowledged.map((a) => a.id)],
  );
  expect(units.rows[0].n).toBe(acknowledged.length);
  const projections = await post(url, PROJECTIONS, {});
  for (const projection of projections.body.data!.projections)
    expect(projection).toMatchObject({ state: 'running', error: null });
}

/** Registers the scenario's test for PostgreSQL stopped in `mode` and started again. */
export function describePostgresRestart(mode: ShutdownMode): void {
  describe(`PostgreSQL restarted in ${mode} mode while commands flow`, () => {
    let server: RestartablePostgres | undefined;
    let app: { child: ChildProcessWithoutNullStreams; url: string; log: string[] } | undefined;
    let pool: Pool | undefined;

    beforeAll(async () => {
      server = await startRestartablePostgres();
      app = await startAppProcess(server.databaseUrl);
      pool = new Pool({ connectionString: server.databaseUrl, max: 2 });
      pool.on('error', () => undefined); // its idle connections drop with the server
    });
    afterAll(async () => {
      if (app && app.child.exitCode === null) {
        const exited = new Promise((resolve) => app!.child.once('exit', resolve));
        app.child.stdin.end();
        await exited;
      }
      await pool?.end();
      await server?.close();
    });

    it('stays up, answers 503 during the outage and 200 after, loses nothing acknowledged, and catches up', async () => {
      const { url, child, log } = app!;
      const clients = new CommandClients(url);
      await until('commands are acknowledged', () => clients.acknowledged.length >= 20, { attempts: 600, everyMs: 50 });

      await server!.stop(mode);
      const down = await health(url);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'unavailable', database: 'unreachable', error: expect.any(String) });
      const refusedBefore = clients.refused.length;
      await until('a command is refused during the outage', () => clients.refused.length > refusedBefore, {
        attempts: 600,
        everyMs: 50,
      });
      await until('the projections report that they retry', async () => {
        const { body } = await health(url);
        return body.projections.every((p: any) => p.state === 'retrying' && typeof p.retrying?.since === 'string');
      });

      await server!.start();
      await until('/health answers 200 again', async () => (await health(url)).status === 200, {
        attempts: 600,
        everyMs: 100,
      });
      const acknowledgedBefore = clients.acknowledged.length;
      await until('commands are acknowledged again', () => clients.acknowledged.length >= acknowledgedBefore + 20, {
        attempts: 600,
        everyMs: 50,
      });
      await clients.stop();

      // Every refusal is a clean, retryable answer: no crash, no hang, no masked error.
      const unclean = clients.refused.filter((r) => r.code !== 'SERVICE_UNAVAILABLE' || r.status !== 503);
      expect({ unclean, log: unclean.length > 0 ? log.join('') : '' }).toEqual({ unclean: [], log: '' });
      expect(clients.refused.length).toBeGreaterThan(0);
      await expectAllKept(pool!, url, clients.acknowledged);
      await until('the LISTEN connection for append wake-ups is back', async () => {
        const { rows } = await pool!.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'tdkt-listen' AND datname = current_database()`,
        );
        return rows[0].n === 1;
      });
      expect(child.exitCode).toBeNull();
    });
  });
}
