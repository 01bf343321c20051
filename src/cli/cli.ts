import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ROLES } from '../identity';
import { DomainError } from '../shared/errors';
import { EXPORT_NAMES, exportFile } from './exportFile';
import { importFile } from './importFile';
import { IMPORT_COLUMNS } from './importRows';
import { CliFailure, EXIT, type CliIo } from './io';
import { rebuildProjections } from './projectionRebuild';
import { projectionStatus } from './projectionStatus';
import { seedDemo, seedProvince } from './seed';
import { verifyChainOnAppDatabase } from './verifyChain';

/** The exit status an action sets (verify-chain's own: 0 intact, 1 tampering, 2 could not run). */
interface Outcome {
  code: number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('a positive whole number');
  return number;
}

/** The caller of a command that appends. */
function withCaller(command: Command): Command {
  return command
    .option('--token <jwt>', 'bearer token of the caller (default: TDKT_TOKEN)')
    .addOption(new Option('--actor <role>', 'development mode: that role’s development token').choices(ROLES));
}

function registerSeed(program: Command, io: CliIo): void {
  const seed = program.command('seed').description('load data into the log through the app');
  withCaller(seed.command('demo').description('the demo year npm start loads into an empty log'))
    .option('--json', 'a JSON summary')
    .action((options) => seedDemo(io, options));
  withCaller(seed.command('province').description('a generated province (bench/generator.ts), with progress'))
    .option('--units <n>', 'about this many units (default 200)', positiveInteger)
    .option('--events <n>', 'about this many events (instead of --units)', positiveInteger)
    .option('--years <n>', 'years of activity', positiveInteger, 5)
    .option('--seed <n>', 'the generator’s seed', positiveInteger)
    .option('--prefix <text>', 'prefix of every id, for a second province in the same log')
    .option('--json', 'a JSON summary')
    .action((options) => seedProvince(io, options));
}

function registerProjections(program: Command, io: CliIo): void {
  const projections = program.command('projections').description('the read models');
  projections
    .command('status')
    .description('each read model: state, position, lag, lease holder')
    .option('--json', 'JSON instead of a table')
    .action((options) => projectionStatus(io, options));
  projections
    .command('rebuild <name>')
    .description('rebuild one read model, or all, from the start of the log (takes their leases)')
    .option('--no-wait', 'fail at once, naming the holder, when a running app holds a lease')
    .option('--json', 'a JSON summary')
    .action((name: string, options) => rebuildProjections(io, name, options));
}

function registerVerifyChain(program: Command, io: CliIo, outcome: Outcome): void {
  program
    .command('verify-chain')
    .description('check every stream’s hash chain (also: npm run verify-chain)')
    .option('--digest', 'write every stream’s head and one root over them')
    .option('--out <file>', 'where --digest writes (default: standard output)')
    .option('--against <file>', 'compare the log with a kept digest')
    .action(async (options: { digest?: boolean; out?: string; against?: string }) => {
      const argv = [
        ...(options.digest ? ['--digest'] : []),
        ...(options.out ? ['--out', options.out] : []),
        ...(options.against ? ['--against', options.against] : []),
      ];
      outcome.code = await verifyChainOnAppDatabase(io, argv);
    });
}

function registerImport(program: Command, io: CliIo): void {
  withCaller(
    program
      .command('import <file>')
      .description(`units and people from a CSV file (columns: ${IMPORT_COLUMNS.join(', ')})`),
  )
    .option('--json', 'JSON output')
    .action((file: string, options) => importFile(io, file, options));
}

function registerExport(program: Command, io: CliIo): void {
  withCaller(
    program
      .command('export <name>')
      .description(`an export or a statistics form, authorized as its download (${EXPORT_NAMES.join(', ')})`),
  )
    .addOption(new Option('--format <format>', 'csv or xlsx (exports; a form is xlsx)').choices(['csv', 'xlsx']))
    .option('--period <year>', 'one year')
    .option('--from-year <year>', 'first year (with --to-year)')
    .option('--to-year <year>', 'last year')
    .option('--kind <kind>', 'period kind (default CALENDAR_YEAR)')
    .option('--unit <id>', 'a form: the unit whose subtree it counts')
    .option('--out <file>', 'write to this file (required for xlsx; a CSV goes to standard output without it)')
    .action((name: string, options) => exportFile(io, name, options));
}

/** Every command group; each adds its commands to the program. */
const COMMAND_TABLE: ReadonlyArray<(program: Command, io: CliIo, outcome: Outcome) => void> = [
  registerSeed,
  registerProjections,
  registerVerifyChain,
  registerImport,
  registerExport,
];

function buildProgram(io: CliIo, outcome: Outcome): Command {
  const program = new Command('tdkt')
    .description('Thi đua – Khen thưởng: seed, rebuild, check, import and export, on the database the app uses')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  for (const register of COMMAND_TABLE) register(program, io, outcome);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

function failureLine(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs one command line (`argv` without node and the script): its exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const outcome: Outcome = { code: EXIT.ok };
  try {
    await buildProgram(io, outcome).parseAsync([...argv], { from: 'user' });
    return outcome.code;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    io.err(`tdkt: ${failureLine(error)}\n`);
    return error instanceof CliFailure ? error.exitCode : EXIT.failure;
  }
}
