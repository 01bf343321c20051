/**
 * Downloads: the statistics forms as .xlsx, the exports as CSV or XLSX, a printed
 * award certificate and a decision as PDF. Each route
 * runs under the bearer token (server.ts) and its row of the access policy
 * (src/auth/policy.downloads.ts), with arguments in the query string and never a token.
 */
import type { ServerResponse } from 'node:http';
import { DOWNLOAD_POLICY } from '../auth/policy.downloads';
import { enforcerOf } from '../auth/enforcement';
import type { OperationArgs } from '../auth/policy';
import type { Identity } from '../identity';
import { getPrintedCertificate } from '../../projections/certificates/certificates.queries';
import { certificatePdf } from '../certificates/certificatePdf';
import { getDecisionDocument } from '../../projections/decisions/decisions.queries';
import { decisionPdf } from '../decisions/decisionPdf';
import { EXPORTS, exportRangeOf, writeCsv, writeXlsx } from '../reports/exports';
import { formWorkbook } from '../reports/formWorkbook';
import { statisticsForm } from '../reports/statisticsForms';
import type { Services } from '../services';
import { DomainError, InvalidInput, NotFound } from '../shared/errors';
import { ID_MESSAGE, ID_PATTERN } from '../shared/ids';
import { NAME_MAX } from '../shared/validation';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Download {
  operation: keyof typeof DOWNLOAD_POLICY & string;
  args: OperationArgs;
  run: (services: Services, response: ServerResponse, args: OperationArgs) => Promise<unknown>;
}

async function sendForm(services: Services, response: ServerResponse, args: OperationArgs): Promise<void> {
  const form = await statisticsForm(services.pool, args.code, args.period, args.unitId);
  const buffer = await formWorkbook(form, args.period, args.unitId ?? 'Toàn tỉnh').xlsx.writeBuffer();
  response.writeHead(200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${args.code.slice(0, 4)}-${args.period.year}.xlsx"`,
  });
  response.end(Buffer.from(buffer));
}

function formArgs(code: string, query: URLSearchParams): OperationArgs {
  const unitId = query.get('unitId');
  if (unitId !== null && !ID_PATTERN.test(unitId)) throw new InvalidInput(`unitId ${ID_MESSAGE}`, 'unitId');
  const range = exportRangeOf(query);
  return { code, period: { kind: range.kind, year: range.fromYear }, unitId };
}

function exportDownload(name: string, format: string, query: URLSearchParams): Download {
  return {
    operation: `GET /exports/${name}.{csv,xlsx}`,
    args: { range: exportRangeOf(query) },
    run: async (services, response, args) => {
      const csv = format === 'csv';
      response.writeHead(200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : XLSX_TYPE,
        'content-disposition': `attachment; filename="${name}-${args.range.fromYear}-${args.range.toYear}.${format}"`,
      });
      return csv
        ? writeCsv(services.pool, name, args.range, response)
        : writeXlsx(services.pool, name, args.range, response);
    },
  };
}

/** The printed certificate's PDF; NOT_FOUND while the award's certificate has not been printed. */
async function sendCertificate(services: Services, response: ServerResponse, args: OperationArgs): Promise<void> {
  const printed = await getPrintedCertificate(services.pool, args.awardId);
  if (!printed) throw new NotFound('PrintedCertificate', args.awardId);
  const pdf = await certificatePdf(printed);
  response.writeHead(200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="certificate-${printed.serial}-${printed.year}.pdf"`,
  });
  response.end(pdf);
}

function certificateArgs(awardId: string): OperationArgs {
  if (!ID_PATTERN.test(awardId)) throw new InvalidInput(`awardId ${ID_MESSAGE}`, 'awardId');
  return { awardId };
}

/** The decision's PDF, by issuing unit, year and number (URL-encoded: it holds a `/`); NOT_FOUND if none is held. */
async function sendDecision(services: Services, response: ServerResponse, args: OperationArgs): Promise<void> {
  const decision = await getDecisionDocument(services.pool, args.issuedByUnitId, args.year, args.number);
  if (!decision) throw new NotFound('Decision', `${args.issuedByUnitId}:${args.year}:${args.number}`);
  const pdf = await decisionPdf(decision);
  response.writeHead(200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="decision-${args.year}-${args.number.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"`,
  });
  response.end(pdf);
}

function decodedSegment(segment: string, field: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new InvalidInput(`${field} is not URL-encoded UTF-8`, field);
  }
}

function decisionArgs(issuedByUnitId: string, year: string, number: string): OperationArgs {
  if (!ID_PATTERN.test(issuedByUnitId)) throw new InvalidInput(`issuedByUnitId ${ID_MESSAGE}`, 'issuedByUnitId');
  if (number.trim().length === 0 || number.length > NAME_MAX) {
    throw new InvalidInput(`number must be 1-${NAME_MAX} characters`, 'number');
  }
  return { issuedByUnitId, year: Number(year), number };
}

/** The download a GET asks for, or null when the path is none of them. */
export function downloadOf(method: string | undefined, url: URL): (() => Download) | null {
  if (method !== 'GET') return null;
  const form = /^\/reports\/forms\/([^/]+)\.xlsx$/.exec(url.pathname);
  if (form)
    return () => ({
      operation: 'GET /reports/forms/:code.xlsx',
      args: formArgs(decodeURIComponent(form[1]), url.searchParams),
      run: sendForm,
    });
  const exported = /^\/exports\/([a-z-]+)\.(csv|xlsx)$/.exec(url.pathname);
  if (exported && EXPORTS[exported[1]]) return () => exportDownload(exported[1], exported[2], url.searchParams);
  const certificate = /^\/awards\/([^/]+)\/certificate\.pdf$/.exec(url.pathname);
  if (certificate)
    return () => ({
      operation: 'GET /awards/:awardId/certificate.pdf',
      args: certificateArgs(decodeURIComponent(certificate[1])),
      run: sendCertificate,
    });
  const decision = /^\/decisions\/([^/]+)\/(\d{4})\/([^/]+)\/decision\.pdf$/.exec(url.pathname);
  if (decision)
    return () => ({
      operation: 'GET /decisions/:issuedByUnitId/:year/:number/decision.pdf',
      args: decisionArgs(decodeURIComponent(decision[1]), decision[2], decodedSegment(decision[3], 'number')),
      run: sendDecision,
    });
  return null;
}

const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

/** Answers an authenticated download: refused as the policy says (403 with a code), else streamed. */
export async function answerDownload(
  services: Services,
  identity: Identity,
  response: ServerResponse,
  describe: () => Download,
): Promise<void> {
  try {
    const download = describe();
    const enforce = enforcerOf(download.operation, DOWNLOAD_POLICY[download.operation]);
    await enforce(identity, download.args, { scope: services.scope, now: services.now }, (args) =>
      download.run(services, response, args),
    );
  } catch (error) {
    if (!(error instanceof DomainError) || response.headersSent) throw error;
    services.logger.info('download refused', { code: error.code, reason: error.message });
    const text = JSON.stringify({
      errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }],
    });
    response.writeHead(STATUS_OF_CODE[error.code] ?? 400, { 'content-type': 'application/json; charset=utf-8' });
    response.end(text);
  }
}
