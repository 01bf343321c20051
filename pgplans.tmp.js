const { Pool } = require('pg');
const { auditTrailSql } = require('./dist/projections/auditTrail/auditTrail.queries.js');
const s = JSON.parse(require('fs').readFileSync('/tmp/c/samples.json', 'utf8'));
const ds = [...new Set(s.awards.map((a) => a.dossierId))];
const page = auditTrailSql({ dossierId: 'x' }, { first: 50, afterPosition: '0', asOf: null, withData: false });
(async () => {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:55432/c_perf', max: 1 });
  for (let i = 0; i < 50; i++) await pool.query({ name: 'p', text: page.text, values: ['0', 51, 'dossier', ds[i]] });
  console.log((await pool.query('SELECT name, generic_plans, custom_plans FROM pg_prepared_statements')).rows);
  const counts = []; for (const d of ds.slice(0, 200)) counts.push((await pool.query({ name: 'p', text: page.text, values: ['0', 51, 'dossier', d] })).rowCount);
  counts.sort((a, b) => a - b); console.log('entries per dossier p10/p50/p90/max', counts[20], counts[100], counts[180], counts[199], 'dossiers', ds.length);
  await pool.end();
})();
