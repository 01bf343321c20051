import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadStoreConfig } from '../config';
import { comparePositions } from '../eventStore/eventStore.port';
import { parseDigestFile, digestFileText } from './digestFile';
import { checkLog, type LogCheckResult } from './logCheck';
import { compareWithKept, digestOf, type LogDigest } from './logDigest';
import { openLogStore, type LogStoreConnection } from './logStoreConnection';
import { comparisonLines, digestLine, findingLine, progressLine, summaryLine } from './verifyChainReport';

const USAGE = `usage: npm run tdkt -- verify-chain [--digest [--out <file>]] [--against <file>]
       (or npm run verify-chain -- …)

Checks every stream's hash chain in the event log and names the first event of each
broken stream. --digest writes every stream's head at the log's readable head and one
root over them (to <file>, or as JSON to standard output); --against compares the log
with a kept digest (a digest file, or {"position": …, "root": …}) at its position.
The log: EVENT_STORE=eventstoredb with EVENTSTORE_URL, else DATABASE_URL, else the
embedded server npm start runs (EMBEDDED_PG_DATA_DIR, default .data/postgres).
Exit status: 0 intact, 1 tampering found, 2 the check could not run.`;

interface CliArgs {
  digest: boolean;
  out: string | null;
  against: string | null;
}

function parseCliArgs(argv: string[]): CliArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      digest: { type: 'boolean', default: false },
      out: { type: 'string' },
      against: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.out !== undefined && !values.digest) throw new Error('--out needs --digest');
  return { digest: values.digest ?? false, out: values.out ?? null, against: values.against ?? null };
}

/** Runs the check; its report goes to `say` (standard error when the digest itself goes to standard output). */
async function verify(
  args: CliArgs,
  connection: LogStoreConnection,
  kept: LogDigest | null,
  say: (line: string) => void,
): Promise<number> {
  const head = await connection.store.headPosition();
  const upTo = kept && comparePositions(kept.position, head) > 0 ? kept.position : head;
  say(`Checking ${connection.description} up to position ${upTo}.`);
  const result = await checkLog(connection.store, {
    upTo,
    headsAt: kept?.position,
    onProgress: (progress) => process.stderr.write(`${progressLine(progress)}\n`),
  });
  for (const finding of result.findings) say(findingLine(finding));
  say(summaryLine(result));
  if (args.digest) writeDigest(result, connection, args.out, say);
  if (!kept) return result.findings.length > 0 ? 1 : 0;
  const comparison = compareWithKept(kept, result.headsAt!);
  for (const line of comparisonLines(kept, comparison, result.findings.length === 0)) say(line);
  return result.findings.length > 0 || !comparison.rootMatches || comparison.differences.length > 0 ? 1 : 0;
}

function writeDigest(
  result: LogCheckResult,
  connection: LogStoreConnection,
  out: string | null,
  say: (line: string) => void,
): void {
  const digest = digestOf(result.heads, result.upTo);
  const text = digestFileText(digest, {
    store: connection.store.name,
    takenAt: new Date().toISOString(),
    chainVerified: result.findings.length === 0,
  });
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  say(digestLine(digest, out));
}

async function verifyChain(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseCliArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const kept = args.against ? parseDigestFile(readFileSync(args.against, 'utf8')) : null;
  const connection = await openLogStore(loadStoreConfig(env));
  const toStdout = !(args.digest && !args.out);
  const say = (line: string) => (toStdout ? process.stdout : process.stderr).write(`${line}\n`);
  try {
    return await verify(args, connection, kept, say);
  } finally {
    await connection.close();
  }
}

/**
 * Runs the check with the command line's arguments (`tdkt verify-chain` and
 * `npm run verify-chain` both land here): its exit status, 2 when it could not run.
 */
export function runVerifyChain(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return verifyChain(argv, env).catch((error) => {
    process.stderr.write(
      `verify-chain: ${error instanceof ConfigError ? error.message : String(error?.message ?? error)}\n`,
    );
    return 2;
  });
}

if (require.main === module) void runVerifyChain(process.argv.slice(2)).then((code) => process.exit(code));
