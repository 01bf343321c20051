/**
 * The query console, served at `/console` and to browsers at `/graphql`: type a query, variables
 * and headers, run it, read the answer. Everything is inline, so it works offline
 * (Apollo's own landing page loads its code from a CDN). In development mode it also
 * offers this run's token of each role; otherwise a token is pasted into the headers.
 */
export function landingPageHtml(developmentTokens?: Record<string, string>): string {
  const options = Object.entries(developmentTokens ?? {})
    .map(([role, token]) => `<option value="${escapeAttribute(token)}">${escapeAttribute(role)}</option>`)
    .join('');
  const picker = developmentTokens
    ? `<label for="token">Act as (development tokens of this run)</label><select id="token"><option value="">—</option>${options}</select>`
    : '';
  return PAGE.replace('<!--token-picker-->', picker);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const PAGE = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thi đua – Khen thưởng · GraphQL</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f5f6f8; }
  header { background: #a4161a; color: #fff; padding: 10px 16px; }
  header h1 { font-size: 16px; margin: 0; }
  header p { margin: 2px 0 0; opacity: .85; font-size: 12px; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 12px; height: calc(100vh - 80px); box-sizing: border-box; }
  section { display: flex; flex-direction: column; gap: 6px; min-height: 0; }
  label { font-weight: 600; font-size: 12px; }
  textarea, pre { font: 13px/1.4 ui-monospace, monospace; border: 1px solid #c8ced6; border-radius: 4px; padding: 8px; background: #fff; margin: 0; }
  textarea { resize: vertical; }
  #query { flex: 1; }
  #result { flex: 1; overflow: auto; white-space: pre-wrap; }
  button { align-self: flex-start; background: #a4161a; color: #fff; border: 0; border-radius: 4px; padding: 6px 16px; font-weight: 600; cursor: pointer; }
  #status { font-size: 12px; color: #5b6775; }
</style>
</head>
<body>
<header><h1>Thi đua – Khen thưởng · GraphQL API</h1><p>POST /graphql with Authorization: Bearer &lt;token&gt; · GET /health · Ctrl+Enter runs the query</p></header>
<main>
  <section>
    <label for="query">Query</label>
    <textarea id="query" spellcheck="false">query Status {
  projections { name state checkpoint lag }
}</textarea>
    <label for="variables">Variables (JSON)</label>
    <textarea id="variables" rows="4" spellcheck="false">{}</textarea>
    <!--token-picker-->
    <label for="headers">Headers (JSON)</label>
    <textarea id="headers" rows="3" spellcheck="false">{"authorization": "Bearer "}</textarea>
    <button id="run" type="button">Run ▶</button>
  </section>
  <section>
    <label for="result">Result <span id="status"></span></label>
    <pre id="result"></pre>
  </section>
</main>
<script>
  const $ = (id) => document.getElementById(id);
  async function run() {
    let variables, headers;
    try { variables = JSON.parse($('variables').value || '{}'); headers = JSON.parse($('headers').value || '{}'); }
    catch (e) { $('result').textContent = 'Variables and headers must be JSON: ' + e.message; return; }
    $('status').textContent = 'running…';
    const started = performance.now();
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json' }, headers),
        body: JSON.stringify({ query: $('query').value, variables }),
      });
      const text = await response.text();
      try { $('result').textContent = JSON.stringify(JSON.parse(text), null, 2); } catch { $('result').textContent = text; }
      $('status').textContent = 'HTTP ' + response.status + ' · ' + Math.round(performance.now() - started) + ' ms';
    } catch (e) {
      $('result').textContent = String(e);
      $('status').textContent = 'failed';
    }
  }
  $('run').addEventListener('click', run);
  if ($('token')) $('token').addEventListener('change', () => {
    let headers = {};
    try { headers = JSON.parse($('headers').value || '{}'); } catch {}
    headers.authorization = 'Bearer ' + $('token').value;
    $('headers').value = JSON.stringify(headers, null, 1);
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
</script>
</body>
</html>
`;
