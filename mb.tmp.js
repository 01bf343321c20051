const { createLogger } = require('./dist/src/infra/logger');
const { randomUUID } = require('crypto');
const l = createLogger('warn');
for (let r = 0; r < 3; r++) {
  let s = process.hrtime.bigint();
  for (let i = 0; i < 100000; i++) { const c = l.child({ requestId: randomUUID() }); const d = c.child({ correlationId: randomUUID() }); d.debug('x', { a: 1 }); }
  console.log('two children + debug µs', Number(process.hrtime.bigint() - s) / 1e5 / 1000);
  s = process.hrtime.bigint();
  for (let i = 0; i < 100000; i++) { randomUUID(); randomUUID(); }
  console.log('uuids only µs', Number(process.hrtime.bigint() - s) / 1e5 / 1000);
}
