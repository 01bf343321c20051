// The command line (`npm run tdkt`) run in the test's process through `runCli`, or as a
// process of its own (src/cli/main.ts compiled on the fly), on a database the test made.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/cli';
import { TEST_TOKEN_SETTINGS } from './auth';

const projectRoot = join(__dirname, '../..');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** The environment of a run: the test's database and HS256 secret, none of the run's own store settings. */
export function cliEnvironment(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['EVENT_STORE', 'EVENTSTORE_URL', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'NODE_ENV'])
    delete env[name];
  for (const name of ['TDKT_TOKEN', 'LOG_LEVEL']) delete env[name];
  return { ...env, DATABASE_URL: databaseUrl, JWT_SECRET: TEST_TOKEN_SETTINGS.secret, ...extra };
}

/** A run in this process; `err` also receives what is written while it runs, through `onErr`. */
export async function runTdkt(
  argv: string[],
  env: NodeJS.ProcessEnv,
  onErr: (text: string) => void = () => undefined,
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => (out += text),
    err: (text) => {
      err += text;
      onErr(text);
    },
    env,
    cwd: projectRoot,
    interactive: false,
  });
  return { code, out, err };
}

/** A run as a process of its own. */
export function runTdktProcess(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ['-r', join(projectRoot, 'test/support/registerTs.js'), join(projectRoot, 'src/cli/main.ts'), ...argv],
    { cwd: projectRoot, env },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  child.stderr.on('data', (chunk) => (err += String(chunk)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? -1, out, err })));
}
