// The rows of an import file: a CSV (UTF-8, with or without a byte order mark) of units and
// people, each row checked with the GraphQL inputs' own validators before anything is applied.
import { parse } from 'csv-parse/sync';
import { ArgumentValidationError } from 'type-graphql';
import { validateArgument } from '../graphql/argumentValidation';
import { RegisterPersonInput } from '../people/person.inputs';
import { RegisterUnitInput } from '../units/unit.inputs';

/** The columns of an import file, in the order written; a row leaves empty those of the other kind. */
export const IMPORT_COLUMNS = [
  'kind',
  'id',
  'name',
  'parentUnitId',
  'unitKind',
  'level',
  'sector',
  'small',
  'unitId',
  'position',
  'directWorker',
  'female',
] as const;

/** One row ready to send: the mutation and its input. */
export interface ImportRow {
  line: number;
  operation: 'registerUnit' | 'registerPerson';
  input: RegisterUnitInput | RegisterPersonInput;
}

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

type Record_ = Record<string, string>;

const REQUIRED: Record<'unit' | 'person', string[]> = {
  unit: ['id', 'name', 'unitKind', 'level'],
  person: ['id', 'name', 'unitId', 'directWorker'],
};

function text(record: Record_, column: string): string | null {
  const value = record[column]?.trim() ?? '';
  return value === '' ? null : value;
}

function flag(record: Record_, column: string, problems: RowProblem[], line: number): boolean | null {
  const value = text(record, column)?.toLowerCase() ?? null;
  if (value === null) return null;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  problems.push({ line, field: column, message: `${column} must be true or false` });
  return null;
}

function inputOf(record: Record_, line: number, problems: RowProblem[]): ImportRow | null {
  const kind = text(record, 'kind')?.toLowerCase();
  if (kind !== 'unit' && kind !== 'person') {
    problems.push({ line, field: 'kind', message: 'kind must be unit or person' });
    return null;
  }
  for (const column of REQUIRED[kind])
    if (text(record, column) === null) problems.push({ line, field: column, message: `${column} is required` });
  if (kind === 'unit') {
    const input = Object.assign(new RegisterUnitInput(), {
      id: text(record, 'id'),
      name: text(record, 'name'),
      kind: text(record, 'unitKind'),
      level: text(record, 'level'),
      parentUnitId: text(record, 'parentUnitId'),
      sector: text(record, 'sector'),
      small: flag(record, 'small', problems, line),
    });
    return { line, operation: 'registerUnit', input };
  }
  const input = Object.assign(new RegisterPersonInput(), {
    id: text(record, 'id'),
    fullName: text(record, 'name'),
    unitId: text(record, 'unitId'),
    position: text(record, 'position'),
    directWorker: flag(record, 'directWorker', problems, line),
    female: flag(record, 'female', problems, line),
  });
  return { line, operation: 'registerPerson', input };
}

/** The input's field names as the file's columns call them. */
const COLUMN_OF_FIELD: Record<string, string> = { kind: 'unitKind', fullName: 'name' };

/** The GraphQL inputs' class-validator checks, reported per field. */
async function validationProblems(row: ImportRow): Promise<RowProblem[]> {
  // Absent optional values are left out, as GraphQL leaves them out of an input.
  const present = Object.fromEntries(Object.entries(row.input).filter(([, value]) => value !== null));
  try {
    await validateArgument(Object.assign(Object.create(Object.getPrototypeOf(row.input)), present));
    return [];
  } catch (error) {
    if (!(error instanceof ArgumentValidationError)) throw error;
    return error.extensions.validationErrors.flatMap((problem) =>
      Object.values(problem.constraints ?? {}).map((message) => ({
        line: row.line,
        field: COLUMN_OF_FIELD[problem.property] ?? problem.property,
        message,
      })),
    );
  }
}

interface ParsedRecord {
  record: Record_;
  line: number;
}

function parseRecords(content: Buffer, problems: RowProblem[]): ParsedRecord[] {
  let parsed: Array<{ record: Record_; info: { lines: number } }>;
  try {
    parsed = parse(content, { bom: true, columns: true, skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({ line, field: '', message: `not a readable CSV: ${(error as Error).message}` });
    return [];
  }
  const header = parsed[0] ? Object.keys(parsed[0].record) : [];
  const unknown = header.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0)
    problems.push({
      line: 1,
      field: unknown.join(', '),
      message: `unknown column: one of ${IMPORT_COLUMNS.join(', ')}`,
    });
  return parsed.map(({ record, info }) => ({ record, line: info.lines }));
}

function duplicateProblems(rows: readonly ImportRow[]): RowProblem[] {
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const key = `${row.operation}:${row.input.id}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: row.line, field: 'id', message: `id also on line ${first}` });
    else seen.set(key, row.line);
  }
  return problems;
}

/**
 * Units before the units under them (a parent outside the file must already be registered),
 * then people; a cycle of parents among the file's units is a problem of each unit in it.
 */
function inApplyOrder(rows: readonly ImportRow[], problems: RowProblem[]): ImportRow[] {
  const units = rows.filter((row) => row.operation === 'registerUnit');
  const byId = new Map(units.map((row) => [row.input.id!, row]));
  const ordered: ImportRow[] = [];
  const placed = new Set<ImportRow>();
  for (const unit of units) {
    const chain: ImportRow[] = [];
    let current: ImportRow | undefined = unit;
    while (current && !placed.has(current)) {
      if (chain.includes(current)) {
        for (const row of chain)
          problems.push({ line: row.line, field: 'parentUnitId', message: 'parents form a cycle' });
        return [];
      }
      chain.push(current);
      current = byId.get((current.input as RegisterUnitInput).parentUnitId ?? '');
    }
    for (const row of chain.reverse()) {
      placed.add(row);
      ordered.push(row);
    }
  }
  return [...ordered, ...rows.filter((row) => row.operation === 'registerPerson')];
}

/** Every row of the file, checked; the rows in the order they are applied, or every problem found. */
export async function readImportFile(content: Buffer): Promise<{ rows: ImportRow[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const rows: ImportRow[] = [];
  for (const { record, line } of parseRecords(content, problems)) {
    const row = inputOf(record, line, problems);
    if (!row) continue;
    problems.push(...(await validationProblems(row)));
    rows.push(row);
  }
  problems.push(...duplicateProblems(rows));
  const ordered = problems.length === 0 ? inApplyOrder(rows, problems) : [];
  problems.sort((a, b) => a.line - b.line);
  return { rows: problems.length === 0 ? ordered : [], problems };
}
