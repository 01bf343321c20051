import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

/**
 * Where `web/build.js` writes the pages: dist/web, reached from the compiled file
 * (dist/src/http) or, when the tests run the source, from src/http.
 */
export const WEB_ASSETS_DIR = join(__dirname, '..', '..', ...(__filename.endsWith('.ts') ? ['dist', 'web'] : ['web']));

/**
 * The pages load only their own script and style and talk only to this server. Style
 * attributes are allowed because the chart library sizes its SVG with one; they cannot run script.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Headers every page and asset carries: no type sniffing, no referrer. */
const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export interface WebAsset {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
}

/** The built pages and their assets by request path. */
export type WebAssets = ReadonlyMap<string, WebAsset>;

function pageAsset(status: number, body: Buffer): WebAsset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return {
    status,
    body,
    headers: {
      ...COMMON_HEADERS,
      'content-type': CONTENT_TYPES['.html'],
      // The page names its assets by content hash: it is revalidated each time, they never are.
      'cache-control': 'no-cache',
      etag,
      'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
    },
  };
}

function hashedAsset(body: Buffer, contentType: string): WebAsset {
  return {
    status: 200,
    body,
    headers: { ...COMMON_HEADERS, 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' },
  };
}

const NOT_BUILT = Buffer.from(
  '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa dựng trang</title>' +
    '<p>Trang tổng quan chưa được dựng: chạy <code>npm run build</code>. Bảng truy vấn: <a href="/console">/console</a>.</p>',
);

/**
 * Reads the built pages once: each page's HTML at its route (`overview` at `/`) and its
 * assets under `/assets/<page>/`. A page that was not built answers 503 saying so.
 */
export function loadWebAssets(dir = WEB_ASSETS_DIR, routes: Record<string, string> = { overview: '/' }): WebAssets {
  const assets = new Map<string, WebAsset>();
  for (const [page, route] of Object.entries(routes)) {
    const folder = join(dir, page);
    if (!existsSync(join(folder, 'index.html'))) {
      assets.set(route, pageAsset(503, NOT_BUILT));
      continue;
    }
    for (const file of readdirSync(folder)) {
      const body = readFileSync(join(folder, file));
      const contentType = CONTENT_TYPES[extname(file)];
      if (file === 'index.html') assets.set(route, pageAsset(200, body));
      else if (contentType) assets.set(`/assets/${page}/${file}`, hashedAsset(body, contentType));
    }
  }
  return assets;
}

/** Answers a GET or HEAD for `asset`: 304 when the caller holds the same version. */
export function sendWebAsset(asset: WebAsset, request: IncomingMessage, response: ServerResponse): void {
  const etag = asset.headers.etag;
  if (etag && request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag, 'cache-control': asset.headers['cache-control'] });
    response.end();
    return;
  }
  response.writeHead(asset.status, { ...asset.headers, 'content-length': asset.body.length });
  response.end(request.method === 'HEAD' ? undefined : asset.body);
}
