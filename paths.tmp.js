// Per-request app CPU for the inspector query: Apollo vs graphql.execute (cached doc) vs graphql-jit
require('reflect-metadata');
const D = '/work/main/dist/src/';
const { buildAppSchema } = require(D + 'graphql/schema.js');
const { createContext } = require(D + 'graphql/context.js');
const { createPool } = require(D + 'infra/db.js');
const { ApolloServer, HeaderMap } = require('@apollo/server');
const { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } = require('@apollo/server/plugin/disabled');
const { parse, validate, execute, specifiedRules } = require('graphql');
const { compileQuery } = require('graphql-jit');
const s = JSON.parse(require('fs').readFileSync('/tmp/c/samples.json', 'utf8'));
const query = `query($d: ID!) { auditTrail(filter: { dossierId: $d }, first: 50) { entries { position recordedAt streamId type actorId summary hash } hasNextPage chainVerified } }`;
(async () => {
  const schema = await buildAppSchema();
  const pool = createPool('postgres://postgres@127.0.0.1:55432/c_perf', { max: 30 });
  const services = { pool, store: { name: 'postgres' }, logger: console, now: () => new Date() };
  const headers = { 'x-actor-id': 'bench-inspector', 'x-role': 'INSPECTOR', 'content-type': 'application/json' };
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  const doc = parse(query);
  const compiled = compileQuery(schema, doc);
  const ds = [...new Set(s.awards.map((a) => a.dossierId))];
  const paths = {
    apollo: async (d) => {
      const h = new HeaderMap(); for (const [k, v] of Object.entries(headers)) h.set(k, v);
      const r = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers: h, search: '', body: { query, variables: { d } } }, context: async () => createContext(services, headers) });
      return r.body.string;
    },
    execute: async (d) => {
      const r = await execute({ schema, document: doc, variableValues: { d }, contextValue: createContext(services, headers) });
      return JSON.stringify(r);
    },
    jit: async (d) => {
      const r = await compiled.query(undefined, createContext(services, headers), { d });
      return compiled.stringify(r);
    },
  };
  // warm the verifier
  for (let i = 0; i < ds.length; i += 16) await Promise.all(ds.slice(i, i + 16).map((d) => paths.execute(d)));
  const a = await paths.apollo(ds[0]), b = await paths.execute(ds[0]), c = await paths.jit(ds[0]);
  console.log('same output:', a === b, b === c, a.length, c.length);
  if (a !== c) { console.log(a.slice(0, 300)); console.log(c.slice(0, 300)); }
  for (let round = 0; round < (process.env.ROUNDS||3); round++) for (const [name, fn] of Object.entries(paths).filter(([n]) => n === (process.env.ONLY || n))) {
    const n = 3000; let i = 0;
    const cpu0 = process.cpuUsage(); const t0 = Date.now();
    await Promise.all(Array.from({ length: 32 }, async () => { while (i < n) await fn(ds[(i++ * 7919) % ds.length]); }));
    const cpu = process.cpuUsage(cpu0); const ms = Date.now() - t0;
    console.log(name.padEnd(8), 'sys ms/req', (cpu.system/1000/n).toFixed(3), 'app cpu ms/req', ((cpu.user + cpu.system) / 1000 / n).toFixed(3), 'wall req/s', Math.round(n / ms * 1000));
  }
  await apollo.stop(); await pool.end();
})().catch((e) => { console.error(e); process.exit(1); });
