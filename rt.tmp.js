const { Pool } = require('pg');
(async () => {
  for (const host of ['127.0.0.1', '/tmp/devpg/sock', '/var/run/postgresql']) {
  const pool = new Pool({ host, port: 55432, user: 'postgres', database: 'c_perf', max: 32 });
  try { await pool.query('SELECT 1'); } catch (e) { console.log(host, e.message); await pool.end(); continue; }
  for (const conc of [1, 32]) {
    const n = 20000; let i = 0;
    const c0 = process.cpuUsage(), t0 = Date.now();
    await Promise.all(Array.from({ length: conc }, async () => { while (i++ < n) await pool.query({ name: 's1', text: 'SELECT 1' }); }));
    const c = process.cpuUsage(c0);
    console.log(host, 'conc', conc, 'cpu us/query', ((c.user + c.system) / n).toFixed(1), 'sys', (c.system / n).toFixed(1), 'q/s', Math.round(n / (Date.now() - t0) * 1000));
  }
  await pool.end();
  }
})();
