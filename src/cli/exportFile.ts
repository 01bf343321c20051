import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { EXPORTS } from '../reports/exports';
import type { CallerOptions } from './caller';
import { CliFailure, EXIT, type CliIo } from './io';
import { withAppendSession } from './session';

/** The statistics forms `export` can write (.xlsx), as `/reports/forms/:code.xlsx` serves them. */
const FORM_CODES = ['0601', '0602', '0603', '0604', '0605'];

export const EXPORT_NAMES: readonly string[] = [...Object.keys(EXPORTS), ...FORM_CODES.map((code) => `form-${code}`)];

export interface ExportOptions extends CallerOptions {
  format?: string;
  period?: string;
  fromYear?: string;
  toYear?: string;
  kind?: string;
  unit?: string;
  out?: string;
}

/** The download's path and query, as a client of the HTTP front would ask for it. */
function downloadPath(name: string, options: ExportOptions): string {
  const query = new URLSearchParams();
  const add = (key: string, value: string | undefined) => value !== undefined && query.set(key, value);
  add('period', options.period);
  add('fromYear', options.fromYear);
  add('toYear', options.toYear);
  add('kind', options.kind);
  if (name.startsWith('form-')) {
    if (options.format && options.format !== 'xlsx') throw new CliFailure('a form is written as xlsx only', EXIT.usage);
    add('unitId', options.unit);
    return `/reports/forms/${name.slice('form-'.length)}.xlsx?${query}`;
  }
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw new CliFailure('--format must be csv or xlsx', EXIT.usage);
  return `/exports/${name}.${format}?${query}`;
}

/** A refused download's one line: its code and message, as the HTTP front answered them. */
async function refusal(response: Response): Promise<CliFailure> {
  const text = await response.text();
  try {
    const [error] = (JSON.parse(text) as { errors: { message: string; extensions?: { code?: string } }[] }).errors;
    const usage = error.extensions?.code === 'BAD_USER_INPUT';
    return new CliFailure(`${error.extensions?.code ?? response.status}: ${error.message}`, usage ? EXIT.usage : 1);
  } catch {
    return new CliFailure(`the download answered ${response.status}: ${text.slice(0, 200)}`);
  }
}

/** Standard output as a stream of text for a CSV (an .xlsx needs --out). */
function textOut(io: CliIo): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      io.out(chunk.toString('utf8'));
      done();
    },
  });
}

/**
 * `export <name>`: an export (CSV or XLSX) or a statistics form (XLSX), fetched from the
 * in-process app's own HTTP front with the caller's token, so the token check, the download
 * policy and the streaming are those of a download over HTTP.
 */
export async function exportFile(io: CliIo, name: string, options: ExportOptions): Promise<void> {
  if (!EXPORT_NAMES.includes(name))
    throw new CliFailure(`unknown export ${name}: one of ${EXPORT_NAMES.join(', ')}`, EXIT.usage);
  const path = downloadPath(name, options);
  if (!options.out && !path.includes('.csv?'))
    throw new CliFailure('an .xlsx is written to a file: give --out <file>', EXIT.usage);
  await withAppendSession(io, options, async ({ caller, engine }) => {
    const response = await fetch(new URL(path, engine.app.url), {
      headers: { authorization: `Bearer ${caller.token}` },
    });
    if (!response.ok || !response.body) throw await refusal(response);
    const target = options.out ? createWriteStream(resolve(io.cwd, options.out)) : textOut(io);
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), target);
    if (options.out) io.err(`wrote ${options.out}\n`);
  });
}
