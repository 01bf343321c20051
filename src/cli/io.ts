/** Where a command writes, and what it reads of its surroundings (a test passes its own). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard error is a terminal: progress bars are drawn there. */
  interactive: boolean;
}

/** The process's own streams and environment. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  interactive: process.stderr.isTTY === true,
};

/** Exit statuses: 0 done, 1 the command failed, 2 it was called wrongly. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A command that cannot go on: its one-line reason goes to standard error. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
  }
}

/** Rows as an aligned text table, a header line first. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}
