import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The application core (commands, deciders, services, queries, read models) does not
 * depend on the GraphQL folder; the GraphQL layer depends on the core. Files of the
 * GraphQL layer outside src/graphql are recognised by their names; the two files whose
 * job is wiring GraphQL into the app are listed by path.
 */
const ROOT = resolve(__dirname, '../..');
const GRAPHQL_FOLDER = join(ROOT, 'src', 'graphql');

/** type-graphql resolvers, input and output classes, and per-request DataLoaders keyed by the GraphQL context. */
const GRAPHQL_LAYER_FILE = /\.(resolver|inputs|types|loaders)\.ts$/;

/**
 * The composition root builds the schema; the HTTP server runs Apollo and makes each request's context;
 * the command line runs the schema in its own process and checks import rows with the inputs' validator.
 */
const GRAPHQL_WIRING = ['src/app.ts', 'src/server.ts', 'src/cli/engine.ts', 'src/cli/importRows.ts'];

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers of `import … from`, `export … from`, `import '…'` and `import('…')`. */
function relativeImports(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)];
  return specifiers.map((match) => match[1]);
}

function isInGraphqlFolder(path: string): boolean {
  return path === GRAPHQL_FOLDER || path.startsWith(GRAPHQL_FOLDER + sep);
}

function coreFiles(): string[] {
  return [...typeScriptFiles(join(ROOT, 'src')), ...typeScriptFiles(join(ROOT, 'projections'))].filter(
    (file) =>
      !isInGraphqlFolder(file) &&
      !GRAPHQL_LAYER_FILE.test(file) &&
      !GRAPHQL_WIRING.includes(relative(ROOT, file).split(sep).join('/')),
  );
}

describe('layering', () => {
  it('finds the core files it checks, the wiring files it exempts among them', () => {
    const files = coreFiles().map((file) => relative(ROOT, file).split(sep).join('/'));
    expect(files).toContain('src/commands/commandHandler.ts');
    expect(files).toContain('src/dossiers/eligibilityFacts.ts');
    for (const wiring of GRAPHQL_WIRING) expect(readFileSync(join(ROOT, wiring), 'utf8')).toMatch(/graphql\//);
  });

  it('no file outside the GraphQL layer imports from src/graphql', () => {
    const offenders = coreFiles().flatMap((file) =>
      relativeImports(readFileSync(file, 'utf8'))
        .filter((specifier) => isInGraphqlFolder(resolve(dirname(file), specifier)))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
