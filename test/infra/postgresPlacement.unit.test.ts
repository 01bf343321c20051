import { lastProblem } from '../../src/infra/embeddedPostgres';
import { planPlacement, shortHash, type PlacementFacts } from '../../src/infra/postgresPlacement';

describe('planPlacement', () => {
  const asRoot: PlacementFacts = {
    account: { uid: 101, gid: 104 },
    postgresCanRunPackagedBinaries: true,
    postgresCanReachDataDir: true,
    dataDir: '/home/ana/app/.data/postgres',
    persistent: true,
    projectRoot: '/home/ana/app',
    relocationRoot: '/var/lib/tdkt-backend/0123456789ab',
  };

  it('leaves everything in place when not root: PostgreSQL runs as ourselves', () => {
    const plan = planPlacement({
      ...asRoot,
      account: null,
      postgresCanRunPackagedBinaries: false,
      postgresCanReachDataDir: false,
    });
    expect(plan).toEqual({ binaries: 'packaged', data: { dataDir: asRoot.dataDir, relocated: false } });
  });

  it('leaves everything in place as root when postgres reaches it', () => {
    expect(planPlacement(asRoot)).toEqual({
      binaries: 'packaged',
      data: { dataDir: asRoot.dataDir, relocated: false },
    });
  });

  it('copies the binaries when postgres cannot run the packaged ones, and keeps a reachable data folder', () => {
    const plan = planPlacement({ ...asRoot, postgresCanRunPackagedBinaries: false });
    expect(plan).toEqual({ binaries: 'copy', data: { dataDir: asRoot.dataDir, relocated: false } });
  });

  it("moves the project's default data folder to the plain name under the project's folder", () => {
    const plan = planPlacement({ ...asRoot, postgresCanRunPackagedBinaries: false, postgresCanReachDataDir: false });
    expect(plan).toEqual({
      binaries: 'copy',
      data: { dataDir: '/var/lib/tdkt-backend/0123456789ab/postgres', relocated: true },
    });
  });

  it('gives any other persistent data folder a name of its own', () => {
    const dataDir = '/root/elsewhere/pg';
    const plan = planPlacement({ ...asRoot, dataDir, postgresCanReachDataDir: false });
    expect(plan.data).toEqual({
      dataDir: `/var/lib/tdkt-backend/0123456789ab/postgres-${shortHash(dataDir)}`,
      relocated: true,
    });
    expect(shortHash(dataDir)).toMatch(/^[0-9a-f]{12}$/);
    expect(shortHash('/root/other/pg')).not.toBe(shortHash(dataDir));
  });

  it('gives a test run a fresh folder under the project folder', () => {
    const plan = planPlacement({ ...asRoot, persistent: false, postgresCanReachDataDir: false });
    expect(plan.data).toEqual({ perRunUnder: '/var/lib/tdkt-backend/0123456789ab' });
  });
});

describe('lastProblem', () => {
  it('takes the last FATAL line of the server log, without its prefix', () => {
    const log = [
      '2026-12-06 21:20:01.120 UTC [77] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      '2026-12-06 21:20:01.121 UTC [77] WARNING:  could not create listen socket for "127.0.0.1"',
      '2026-12-06 21:20:01.122 UTC [77] FATAL:  could not create any TCP/IP sockets',
    ].join('\n');
    expect(lastProblem(log)).toBe('could not create any TCP/IP sockets');
  });

  it("takes initdb's error line", () => {
    const output =
      'Postgres init script failed (code: 1, signal: null). ERROR OUTPUT: initdb: error: could not access directory "/x/pg": Permission denied\n';
    expect(lastProblem(output)).toBe('could not access directory "/x/pg": Permission denied');
  });

  it('gives null when nothing was reported', () => {
    expect(lastProblem('starting\nready')).toBeNull();
  });
});
