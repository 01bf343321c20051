import { request } from 'node:http';
import { PAGE_CONTENT_SECURITY_POLICY } from '../../src/http/webAssets';
import { startSecondServer, startTestApp, type TestApp } from '../support/app';

/** The status of a GET of `url` naming `host` in its Host header (fetch always names the URL's). */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** The script and style the page names, as served paths. */
function assetPaths(html: string): { script: string; style: string } {
  const script = /<script defer src="([^"]+)"><\/script>/.exec(html)?.[1];
  const style = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  if (!script || !style) throw new Error(`the page names no script or style:\n${html}`);
  return { script, style };
}

describe('the overview page over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('serves the page at / with a CSP that allows only its own scripts, revalidated on each visit', async () => {
    const response = await fetch(`${t.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
    expect(PAGE_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/\bon[a-z]+="/); // no inline event handler
    expect(html).not.toMatch(/https?:\/\//); // nothing loaded from elsewhere
    const again = await fetch(`${t.url}/`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves its script and style with their content types, cached for good under content-hashed names', async () => {
    const { script, style } = assetPaths(await (await fetch(`${t.url}/`)).text());
    for (const [path, type] of [
      [script, 'text/javascript; charset=utf-8'],
      [style, 'text/css; charset=utf-8'],
    ]) {
      expect(path).toMatch(/^\/assets\/overview\/overview-[A-Z0-9]{8}\.(js|css)$/);
      const response = await fetch(`${t.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
    const head = await fetch(`${t.url}${script}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${t.url}/assets/overview/nothing.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/assets/overview/../../package.json`)).status).toBe(404);
  });

  it('keeps the query console at /console and for browsers at /graphql', async () => {
    for (const path of ['/console', '/graphql']) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<textarea id="query"');
    }
  });

  it('lists no development token outside development mode', async () => {
    const response = await fetch(`${t.url}/dev/tokens`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('lists the development tokens in development mode, to the loopback host only', async () => {
    const tokens = { SECRETARIAT: 'token-s', ANALYST: 'token-a' };
    const server = await startSecondServer(t, { landingPageTokens: tokens });
    try {
      const url = server.url.replace('localhost', '127.0.0.1');
      const response = await fetch(`${url}/dev/tokens`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ tokens });
      const port = new URL(url).port;
      expect(await statusWithHost(`${url}/dev/tokens`, `localhost:${port}`)).toBe(200);
      expect(await statusWithHost(`${url}/dev/tokens`, `attacker.example:${port}`)).toBe(404);
      expect((await fetch(`${url}/dev/tokens`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
