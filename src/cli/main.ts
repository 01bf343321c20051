import 'reflect-metadata';
import { runCli } from './cli';
import { processIo } from './io';

/** `npm run tdkt -- <command>`: see `npm run tdkt -- --help`. */
runCli(process.argv.slice(2), processIo).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`tdkt: ${String(error?.message ?? error)}\n`);
    process.exit(1);
  },
);
