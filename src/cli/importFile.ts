import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallerOptions } from './caller';
import { refuseUngranted } from './caller';
import { readImportFile, type ImportRow, type RowProblem } from './importRows';
import { CliFailure, EXIT, type CliIo } from './io';
import { settle, withAppendSession } from './session';

const MUTATION_OF: Record<ImportRow['operation'], string> = {
  registerUnit: 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id position } }',
  registerPerson: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id position } }',
};

function problemLine(problem: RowProblem): string {
  return `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}: ${problem.message}`;
}

function readContent(file: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, file));
  } catch (error) {
    throw new CliFailure(`cannot read ${file}: ${(error as Error).message}`, EXIT.usage);
  }
}

/**
 * Each row's Idempotency-Key: a hash of the row's command and input. Run again, a row
 * already applied answers from the command log and appends nothing, even once other rows
 * of the file were corrected (which a key from the whole file would not survive).
 */
function idempotencyKeyOf(row: ImportRow): string {
  const command = JSON.stringify([row.operation, Object.entries(row.input).sort()]);
  return `import:${createHash('sha256').update(command).digest('hex').slice(0, 40)}`;
}

export interface ImportSummary {
  rows: number;
  appendedTo: string[];
}

/**
 * `import <file.csv>`: units and people. Every row is checked first and nothing is applied
 * while any is bad; then each row is one command, parents first, through the app's command
 * handler and access policy, as the caller whose token is given.
 */
export async function importFile(io: CliIo, file: string, options: CallerOptions & { json?: boolean }): Promise<void> {
  const content = readContent(file, io.cwd);
  const { rows, problems } = await readImportFile(content);
  if (problems.length > 0) {
    if (options.json) io.out(`${JSON.stringify({ problems }, null, 2)}\n`);
    for (const problem of problems) io.err(`${file}: ${problemLine(problem)}\n`);
    throw new CliFailure(`${file}: ${problems.length} problem(s); nothing was imported`);
  }
  const summary = await withAppendSession(io, options, async (session) => {
    const { caller, engine } = session;
    refuseUngranted(caller.identity, [...new Set(rows.map((row) => row.operation))]);
    const done: ImportSummary = { rows: 0, appendedTo: [] };
    for (const row of rows) {
      const answer = await engine.run(
        MUTATION_OF[row.operation],
        { input: { ...row.input } },
        caller.token,
        idempotencyKeyOf(row),
      );
      const error = answer.errors?.[0];
      if (error)
        throw new CliFailure(
          `line ${row.line}: ${String(error.extensions?.code ?? 'ERROR')}: ${error.message} ` +
            `(${done.rows} row(s) before it are in; run the import again to go on)`,
        );
      done.rows += 1;
      done.appendedTo.push(String((answer.data?.[row.operation] as { id: string }).id));
    }
    await settle(session, io);
    return done;
  });
  io.out(
    options.json
      ? `${JSON.stringify({ rows: summary.rows, ids: summary.appendedTo })}\n`
      : `${file}: ${summary.rows} row(s) in (a row an earlier run imported is not appended again)\n`,
  );
}
