// Bundles the pages under web/ (their TypeScript, CSS and the chart library) into static
// assets with content-hashed names, and writes each page's HTML naming them. Run by
// `npm run build` (into dist/web) and by the test suite's global setup.
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');
const esbuild = require('esbuild');

const ROOT = resolve(__dirname, '..');
const PAGES = ['overview'];

/** Bundles one page into `outDir/<page>/`: `index.html`, `<page>-<hash>.js` and `<page>-<hash>.css`. */
async function buildPage(page, outDir) {
  const source = join(ROOT, 'web', page);
  const target = join(outDir, page);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(source, `${page}.ts`)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    outdir: target,
    entryNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
  const script = outputs.find((file) => file.endsWith('.js'));
  const style = outputs.find((file) => file.endsWith('.css'));
  const html = readFileSync(join(source, 'index.html'), 'utf8')
    .replace(`src="${page}.js"`, `src="/assets/${page}/${script}"`)
    .replace(`href="${page}.css"`, `href="/assets/${page}/${style}"`);
  writeFileSync(join(target, 'index.html'), html);
}

async function buildWebAssets(outDir = join(ROOT, 'dist', 'web')) {
  for (const page of PAGES) await buildPage(page, outDir);
}

module.exports = { buildWebAssets };

if (require.main === module)
  buildWebAssets(process.argv[2]).catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
