import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The production shape (docker-compose.yml, Dockerfile), checked as files: no container
 * engine runs in the tests.
 */
const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/**
 * Node majors in long-term support (Node.js release schedule, github.com/nodejs/Release,
 * checked 2026-12-07): 22 in maintenance until 2027-04, 24 in maintenance, 26 LTS since 2026-10.
 */
const SUPPORTED_NODE_LTS = [22, 24, 26];

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string | string[] };
}

interface Stage {
  from: string;
  name: string | null;
  /** Instructions with continuation lines joined: `RUN npm ci …`. */
  instructions: string[];
}

/** The Dockerfile's stages, each with its instructions (comments dropped, continuations joined). */
function stagesOf(dockerfile: string): Stage[] {
  const joined = dockerfile
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of joined.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ from: from[1], name: from[2] ?? null, instructions: [] });
    else stages.at(-1)?.instructions.push(line);
  }
  return stages;
}

const healthTest = (service: Service): string => [service.healthcheck?.test ?? []].flat().join(' ');

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };
  const { eventstore, postgres, app } = compose.services;

  it('runs KurrentDB at a pinned LTS tag, PostgreSQL at a pinned major, and the app built here', () => {
    expect(eventstore.image).toMatch(/^docker\.kurrent\.io\/kurrent-lts\/kurrentdb:\d+\.\d+\.\d+$/);
    expect(postgres.image).toMatch(/^postgres:\d+$/);
    expect(app.build).toBe('.');
    for (const service of Object.values(compose.services)) expect(service.image ?? '').not.toMatch(/:latest$|^[^:]+$/);
  });

  it('configures KurrentDB by the KURRENTDB_ names, insecure for local use', () => {
    const names = Object.keys(eventstore.environment ?? {});
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !name.startsWith('KURRENTDB_'))).toEqual([]);
    expect(eventstore.environment).toMatchObject({ KURRENTDB_INSECURE: 'true', KURRENTDB_CLUSTER_SIZE: 1 });
    expect(app.environment?.EVENTSTORE_URL).toContain('tls=false');
  });

  it('checks the health of all three, the app with node (slim images have no curl)', () => {
    for (const service of [eventstore, postgres, app]) expect(healthTest(service)).not.toBe('');
    expect(app.healthcheck?.test).toEqual(expect.arrayContaining(['CMD', 'node']));
    expect(healthTest(app)).toContain('http://127.0.0.1:4000/health/ready');
    expect(healthTest(app)).not.toContain('curl');
    expect(healthTest(postgres)).toContain('pg_isready');
    expect(healthTest(eventstore)).toContain('/health/live');
  });

  it("publishes the app's port only, and no demo data", () => {
    expect(eventstore.ports).toBeUndefined();
    expect(postgres.ports).toBeUndefined();
    expect(app.ports).toEqual(['4000:4000']);
    expect(app.environment?.SEED_DEMO_DATA).toBe('false');
  });

  it('requires the token secret from the environment', () => {
    expect(app.environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
  });

  it('publishes the database ports on loopback only in the override file', () => {
    const override = parse(read('docker-compose.ports.yml')) as { services: Record<string, Service> };
    const ports = Object.values(override.services).flatMap((service) => service.ports ?? []);
    expect(ports.sort()).toEqual(['127.0.0.1:2113:2113', '127.0.0.1:5432:5432']);
  });

  it('is dated in the README with the same tag', () => {
    const tag = eventstore.image!.split(':').pop()!;
    expect(read('README.md')).toMatch(
      new RegExp(`KurrentDB ${tag.replace(/\./g, '\\.')}[^\\n]*tag checked on \\d{4}-\\d{2}-\\d{2}`),
    );
  });
});

describe('Dockerfile', () => {
  const stages = stagesOf(read('Dockerfile'));
  const runtime = stages.at(-1)!;
  const runs = (stage: Stage) => stage.instructions.filter((i) => /^RUN\s/i.test(i));

  it('builds in one stage and runs from another, both on a supported Node LTS', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const major = /^node:(\d+)[-.]/.exec(stage.from)?.[1];
      expect(SUPPORTED_NODE_LTS).toContain(Number(major));
    }
    expect(runs(stages[0]).join('\n')).toMatch(/npm run build/);
  });

  it('runs as a user other than root', () => {
    const users = runtime.instructions.filter((i) => /^USER\s/i.test(i)).map((i) => i.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
  });

  it('installs the production dependencies only, and copies no tests or benchmark', () => {
    const installs = runs(runtime).filter((i) => /npm (ci|install|i)\b/.test(i));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toContain('--omit=dev');
    const copies = runtime.instructions.filter((i) => /^COPY\s/i.test(i)).join('\n');
    expect(copies).toContain('dist/src');
    expect(copies).not.toMatch(/\btest\b|\bbench\b|COPY \. /);
    expect(runtime.instructions).toContainEqual(expect.stringMatching(/^ENV NODE_ENV=production$/));
  });

  it("starts with package.json's node flags, node as PID 1", () => {
    const cmd = runtime.instructions.filter((i) => /^CMD\s/i.test(i)).at(-1);
    expect(cmd).toContain('config.nodeFlags');
    expect(cmd).toContain('exec node');
    expect(cmd).toContain('dist/src/main.js');
  });

  it('sends no dependencies, build output or git history into the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', 'test', 'bench']));
  });
});
