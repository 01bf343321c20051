/** Uploads and downloads of documents over HTTP, as a client sends them (raw body, bearer token). */
import { request } from 'node:http';
import type { TestApp } from './app';
import { authorization, type Actor } from './auth';

export const ATTACH = `mutation($dossierId: ID!, $kind: DocumentKind!, $sha256: String!, $fileName: String!) {
  attachDocument(dossierId: $dossierId, kind: $kind, sha256: $sha256, fileName: $fileName) { id version eventTypes } }`;

export interface HttpAnswer {
  status: number;
  body: Buffer;
  json(): any;
}

/**
 * POSTs `chunks` to `/documents` one write each; `contentLength` false sends them chunked.
 * A server that answers before the body ends may close the connection: the answer counts.
 */
export function upload(
  t: TestApp,
  chunks: Buffer[],
  as: Actor | null,
  options: { contentType?: string; dossierId?: string; contentLength?: boolean } = {},
): Promise<HttpAnswer> {
  const url = new URL('/documents', t.url);
  if (options.dossierId) url.searchParams.set('dossierId', options.dossierId);
  return new Promise((resolve, reject) => {
    const send = async () => {
      const headers: Record<string, string | number> = {
        'content-type': options.contentType ?? 'application/pdf',
        ...(as ? await authorization(as) : {}),
      };
      if (options.contentLength !== false) headers['content-length'] = chunks.reduce((n, c) => n + c.length, 0);
      const req = request(url, { method: 'POST', headers }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          const body = Buffer.concat(parts);
          resolve({ status: response.statusCode ?? 0, body, json: () => JSON.parse(body.toString()) });
        });
      });
      // Writes after the server's early answer fail; the answer is what the test reads.
      req.on('error', (error) => setTimeout(() => reject(error), 500));
      for (const chunk of chunks) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      req.end();
    };
    send().catch(reject);
  });
}

export async function download(t: TestApp, sha256: string, as: Actor | null): Promise<HttpAnswer> {
  const response = await fetch(`${t.url}/documents/${sha256}`, { headers: as ? await authorization(as) : {} });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body, json: () => JSON.parse(body.toString()) };
}
