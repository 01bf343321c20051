const { Pool } = require('pg');
const fs = require('fs');
const src = fs.readFileSync('pgcost.tmp.js', 'utf8');
const { auditTrailSql } = require('./dist/projections/auditTrail/auditTrail.queries.js');
const s = JSON.parse(fs.readFileSync('/tmp/c/samples.json', 'utf8'));
const ds = [...new Set(s.awards.map((a) => a.dossierId))];
const full = eval("(()=>{" + src.match(/const GUARD_SQL[\s\S]*?ORDER BY page.position::bigint`;/)[0] + "; return full; })()");
(async () => {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:55432/c_perf', max: 1 });
  const c = await pool.connect();
  await c.query("SET plan_cache_mode = force_generic_plan");
  await c.query(`PREPARE f(text, int, text, text) AS ${full}`);
  for (let i = 0; i < 20; i++) await c.query(`EXECUTE f('0', 51, 'dossier', '${ds[i]}')`);
  const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING ON) EXECUTE f('0', 51, 'dossier', '${ds[77]}')`);
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  c.release(); await pool.end();
})();
