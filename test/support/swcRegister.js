// `node -r ./test/support/swcRegister.js file.ts`: runs a TypeScript entry point in a
// child process, compiled on load by @swc/core with the project's .swcrc (as jest does),
// so a test can run a command-line tool as a process without building the project first.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { filename, swcrc: true, sourceMaps: 'inline' });
  module._compile(code, filename);
};
