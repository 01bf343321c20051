// The app as a process of its own, `src/main.ts` compiled on the fly (registerTs.js), on
// a database the test made: for tests that kill it the way an operating system does and
// start it again. The test signs its tokens with the HS256 secret it gives the app.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { authorization, TEST_ADMIN, TEST_TOKEN_SETTINGS, type Actor } from './auth';
import { until } from './until';

const projectRoot = join(__dirname, '../..');

/** The processes this test file started that have not exited yet. */
const running = new Set<AppProcess>();

/** Kills every app process the test file started that still runs: for `afterAll`, whatever failed. */
export async function stopAppProcesses(): Promise<void> {
  await Promise.all([...running].map((app) => app.stop()));
}

/** How a process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  /** http://127.0.0.1:port */
  url: string;
  pid: number;
  exited: Promise<ProcessExit>;
  /** The last lines the process wrote (standard output and error), for a failure's message. */
  output(): string;
  /** Sends `signal` (SIGKILL unless named) and resolves once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<ProcessExit>;
}

/** Settings of the environment the test's own run may carry, which would change what the app is. */
const CLEARED = ['EVENT_STORE', 'EVENTSTORE_URL', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'NODE_ENV'];

function appEnvironment(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete env[name];
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    JWT_SECRET: TEST_TOKEN_SETTINGS.secret,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    // Load tests send more than one caller's share of a minute.
    MUTATIONS_PER_MINUTE: '1000000',
    ...extra,
  };
}

/** The base URL from the banner `npm start` prints once the app serves. */
function bannerUrl(child: ChildProcessWithoutNullStreams, exited: Promise<ProcessExit>, output: () => string) {
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const health = /\(health: (\S+)\/health\)/.exec(line);
      if (health) resolve(health[1]!.replace('localhost', '127.0.0.1'));
    });
    void exited.then((exit) =>
      reject(new Error(`the app exited (${JSON.stringify(exit)}) before serving:\n${output()}`)),
    );
  });
}

/**
 * Starts the app on `databaseUrl` (with `env` on top of the test settings) and resolves
 * once /health answers 200: the store is open and the projections are running.
 */
export async function startAppProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(projectRoot, 'test/support/registerTs.js'), join(projectRoot, 'src/main.ts')],
    { cwd: projectRoot, env: appEnvironment(databaseUrl, env) },
  );
  const recent: string[] = [];
  const keep = (chunk: Buffer) => {
    recent.push(String(chunk));
    if (recent.length > 100) recent.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const output = () => recent.join('');
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const app: AppProcess = {
    url: '',
    pid: child.pid!,
    exited,
    output,
    stop: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  running.add(app);
  void exited.then(() => running.delete(app));
  app.url = await bannerUrl(child, exited, output);
  const healthy = async () => (await fetch(`${app.url}/health`).catch(() => null))?.status === 200;
  await until(`the app at ${app.url} is ready`, healthy);
  return app;
}

export interface GraphQLReply {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

/**
 * POSTs a GraphQL request to the app at `url` as `actor`, with `headers`. A network error
 * (the process is gone, or died while answering) rejects, as `fetch` does.
 */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  actor: Actor = TEST_ADMIN,
  headers: Record<string, string> = {},
): Promise<GraphQLReply> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authorization(actor)), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLReply['body'] };
}
