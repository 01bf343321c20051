/**
 * Documents over HTTP, outside GraphQL: `POST /documents` uploads one file (the raw body,
 * its type in `Content-Type`: no multipart, so the bytes stream straight through the
 * size cap, the type check and the hash into the store), `GET /documents/:sha256`
 * downloads one, checked against its hash before a byte is sent. Both run under the
 * bearer token (server.ts) and their row of the access policy (policy.downloads.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getDossiersHoldingDocument } from '../../projections/dossiers/dossierDocuments.queries';
import { DOWNLOAD_POLICY } from '../auth/policy.downloads';
import { enforcerOf } from '../auth/enforcement';
import {
  ALLOWED_CONTENT_TYPES,
  ContentRefused,
  contentGuard,
  digestOf,
  mediaTypeOf,
} from '../documents/documentContent';
import { SHA256_PATTERN } from '../dossiers/dossier.documents';
import type { Identity } from '../identity';
import type { Services } from '../services';
import { DomainError, InvalidInput, NotFound } from '../shared/errors';
import { ID_MESSAGE, ID_PATTERN } from '../shared/ids';

const UPLOAD = 'POST /documents';
const DOWNLOAD = 'GET /documents/:sha256';
const STATUS_OF_CODE: Record<string, number> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, NOT_FOUND: 404 };

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The document route a request asks for, or null when it is none. */
export function documentRouteOf(method: string | undefined, url: URL): 'upload' | { sha256: string } | null {
  if (method === 'POST' && url.pathname === '/documents') return 'upload';
  const download = /^\/documents\/([^/]+)$/.exec(url.pathname);
  return method === 'GET' && download ? { sha256: decodeURIComponent(download[1]) } : null;
}

/** Stops reading the rest of a refused upload and answers; the connection closes after the answer. */
function refuseUpload(request: IncomingMessage, response: ServerResponse, refusal: ContentRefused): void {
  request.unpipe();
  request.pause();
  response.setHeader('connection', 'close');
  sendError(response, refusal.status, refusal.code, refusal.message);
}

async function storeUpload(services: Services, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const contentType = mediaTypeOf(request.headers['content-type']);
  if (contentType === null || !ALLOWED_CONTENT_TYPES.includes(contentType))
    return refuseUpload(
      request,
      response,
      new ContentRefused(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type must be one of ${ALLOWED_CONTENT_TYPES.join(', ')}`,
      ),
    );
  const { maxBytes } = services.documents;
  if (Number(request.headers['content-length'] ?? 0) > maxBytes)
    return refuseUpload(
      request,
      response,
      new ContentRefused(413, 'PAYLOAD_TOO_LARGE', `the document exceeds ${maxBytes} bytes`),
    );
  const guard = contentGuard(contentType, maxBytes);
  // `pipe`, not `pipeline`: a refused upload must not destroy the request, whose socket carries the answer.
  request.on('error', (error) => guard.destroy(error));
  // The store may start reading after a short upload was already refused: its pipeline then
  // finds the guard errored and rejects with the refusal; till then nothing else listens.
  guard.on('error', () => undefined);
  request.pipe(guard);
  try {
    const stored = await services.documents.store.put(guard);
    const text = JSON.stringify({ sha256: stored.sha256, size: stored.size, contentType });
    response.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
    response.end(text);
  } catch (error) {
    if (!(error instanceof ContentRefused)) throw error;
    services.logger.info('upload refused', { code: error.code });
    refuseUpload(request, response, error);
  }
}

function uploadArgs(url: URL): { dossierId: string | null } {
  const dossierId = url.searchParams.get('dossierId');
  if (dossierId !== null && !ID_PATTERN.test(dossierId)) throw new InvalidInput(`dossierId ${ID_MESSAGE}`, 'dossierId');
  return { dossierId };
}

/** The first dossier holding the document that the caller may read as the `dossier` query would let it. */
async function readableHolder(services: Services, identity: Identity, sha256: string) {
  const enforce = enforcerOf(DOWNLOAD, DOWNLOAD_POLICY[DOWNLOAD]);
  let refusal: DomainError | null = null;
  for (const holder of await getDossiersHoldingDocument(services.pool, sha256)) {
    try {
      await enforce(identity, { id: holder.dossierId }, services, ({ id }) => services.scope.dossier(id));
      return holder;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refusal = error;
    }
  }
  throw refusal ?? new NotFound('Document', sha256);
}

/** Sends the stored bytes once their hash was checked: a file altered in the store is refused, never sent. */
async function sendDocument(services: Services, identity: Identity, sha256: string, response: ServerResponse) {
  if (!SHA256_PATTERN.test(sha256)) throw new InvalidInput('sha256 must be 64 lowercase hexadecimal digits', 'sha256');
  const holder = await readableHolder(services, identity, sha256);
  const { store } = services.documents;
  const checked = await store.get(sha256);
  if (checked === null) throw new NotFound('Document', sha256);
  if ((await digestOf(checked)).sha256 !== sha256) {
    services.logger.error('stored document does not match its hash', { sha256 });
    return sendError(response, 500, 'DOCUMENT_CORRUPT', `the stored document ${sha256} does not match its hash`);
  }
  const content = await store.get(sha256);
  if (content === null) throw new NotFound('Document', sha256);
  response.writeHead(200, {
    'content-type': holder.contentType,
    'content-length': holder.size,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(holder.fileName)}`,
    'x-content-type-options': 'nosniff',
  });
  content.pipe(response);
}

/** Answers an authenticated upload or download; a refusal is answered with its status and code. */
export async function answerDocumentRoute(
  services: Services,
  identity: Identity,
  request: IncomingMessage,
  response: ServerResponse,
  route: 'upload' | { sha256: string },
): Promise<void> {
  try {
    if (route !== 'upload') return await sendDocument(services, identity, route.sha256, response);
    const args = uploadArgs(new URL(request.url ?? '/', 'http://localhost'));
    const enforce = enforcerOf(UPLOAD, DOWNLOAD_POLICY[UPLOAD]);
    await enforce(identity, args, services, () => storeUpload(services, request, response));
  } catch (error) {
    if (!(error instanceof DomainError) || response.headersSent) throw error;
    services.logger.info('document request refused', { code: error.code, reason: error.message });
    if (route === 'upload') response.setHeader('connection', 'close');
    sendError(response, STATUS_OF_CODE[error.code] ?? 400, error.code, error.message);
  }
}
