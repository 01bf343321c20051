const { Pool } = require('pg');
const { execSync } = require('child_process');
const { auditTrailSql } = require('./dist/projections/auditTrail/auditTrail.queries.js');
const s = JSON.parse(require('fs').readFileSync('/tmp/c/samples.json', 'utf8'));
const ds = [...new Set(s.awards.map((a) => a.dossierId))];
const pgTicks = () => Number(execSync(`for p in $(pgrep -u postgres postgres); do awk '{print $14+$15}' /proc/$p/stat; done | awk '{s+=$1} END {print s+0}'`).toString());
const GUARD_SQL = `pg_relation_filenode('events')::text || ';' || coalesce((
    SELECT string_agg(t.tgname || ':' || t.tgenabled::text || ':' || t.xmin::text || ':' || p.xmin::text, ',' ORDER BY t.tgname)
    FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE t.tgrelid = 'events'::regclass AND NOT t.tgisinternal), '')`;
const page = auditTrailSql({ dossierId: 'x' }, { first: 50, afterPosition: '0', asOf: null, withData: false });
const full = `WITH page AS MATERIALIZED (${page.text}),
            streams AS (SELECT DISTINCT "streamId" AS stream_id FROM page)
       SELECT page.*, ev.stream_id AS "logStreamId", ev.stream_version AS "logStreamVersion", ev.metadata->>'hash' AS "logHash", ev.xmin::text AS "logRowVersion",
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN
                (SELECT json_object_agg(s.stream_id, (SELECT max(v.stream_version) FROM events v WHERE v.stream_id = s.stream_id)) FROM streams s) END AS "logHeads",
              CASE WHEN page.position = (SELECT min(position) FROM page) THEN ${GUARD_SQL} END AS "logGuard"
       FROM page LEFT JOIN events ev ON ev.position = page.position::bigint
       ORDER BY page.position::bigint`;
const variants = {
  select1: 'SELECT $1::text, $2::int, $3::text, $4::text',
  pageOnly: page.text,
  full,
  noGuard: full.replace(GUARD_SQL, "''"),
};
(async () => {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:55432/c_perf', max: 32 });
  for (let round = 0; round < 2; round++) for (const [name, text] of Object.entries(variants)) {
    const n = 6000; let i = 0;
    const p0 = pgTicks(), c0 = process.cpuUsage(), t0 = Date.now();
    await Promise.all(Array.from({ length: 32 }, async () => { while (i < n) { const d = ds[(i++ * 7919) % ds.length]; await pool.query({ name, text, values: ['0', 51, 'dossier', d] }); } }));
    const c = process.cpuUsage(c0), p = pgTicks() - p0;
    console.log(name.padEnd(9), 'pg ms/q', (p * 10 / n).toFixed(3), 'node ms/q', ((c.user + c.system) / 1000 / n).toFixed(3), 'q/s', Math.round(n / (Date.now() - t0) * 1000));
  }
  await pool.end();
})();
