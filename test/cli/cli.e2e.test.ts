// The command line run in-process on a database of its own: seeding the demo year, the
// projections' status, importing units and people (checked first, idempotent on a rerun)
// and a caller the access policy refuses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../../projections';
import { tokenFor } from '../support/auth';
import { cliEnvironment, runTdkt } from '../support/cli';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
let folder: string;

beforeAll(async () => {
  db = await createTestDatabase({ max: 2 });
  env = cliEnvironment(db.url, { TDKT_TOKEN: await tokenFor({ sub: 'cli-admin', role: 'ADMIN' }) });
  folder = mkdtempSync(join(tmpdir(), 'tdkt-cli-'));
});

afterAll(async () => {
  await db.drop();
});

async function eventCount(): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  return rows[0].n;
}

function csvFile(name: string, lines: string[], bom = false): string {
  const path = join(folder, name);
  writeFileSync(path, `${bom ? '\uFEFF' : ''}${lines.join('\n')}\n`);
  return path;
}

const HEADER = 'kind,id,name,parentUnitId,unitKind,level,sector,small,unitId,position,directWorker,female';

describe('tdkt', () => {
  it('--help lists every command; an unknown command is a usage error (2)', async () => {
    const help = await runTdkt(['--help'], env);
    expect(help.code).toBe(0);
    for (const command of ['seed', 'projections', 'verify-chain', 'import']) expect(help.out).toContain(command);
    const unknown = await runTdkt(['bogus'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'bogus'");
  });

  it('seed demo loads the demo year; projections status then lists every read model', async () => {
    const seeded = await runTdkt(['seed', 'demo'], env);
    expect(seeded.err).not.toContain('tdkt:');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/^demo year loaded: \d+ commands, log at position \d+/);
    expect(await eventCount()).toBeGreaterThan(100);

    const again = await runTdkt(['seed', 'demo'], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('the event log is not empty');

    const status = await runTdkt(['projections', 'status', '--json'], env);
    expect(status.code).toBe(0);
    const rows = JSON.parse(status.out) as Array<{ name: string; state: string; position: string; lag: number }>;
    expect(rows.map((row) => row.name)).toEqual(allProjections.map((d) => d.name));
    // The seed's own runner applied the whole log before it exited; nobody runs them now.
    for (const row of rows) expect(row).toMatchObject({ state: 'stopped', lag: 0 });
    expect(rows.some((row) => BigInt(row.position) > 0n)).toBe(true);
    const table = await runTdkt(['projections', 'status'], env);
    expect(table.out.split('\n')[0]).toMatch(/^projection\s+state\s+generation\s+position\s+lag\s+lease holder/);
  }, 180_000);

  it('verify-chain checks the log the app uses (0: intact)', async () => {
    expect((await runTdkt(['verify-chain'], env)).code).toBe(0);
    expect((await runTdkt(['verify-chain', '--out', 'x.json'], env)).code).toBe(2);
  });

  it('import lists every bad row with its line and field, and appends nothing', async () => {
    const before = await eventCount();
    const file = csvFile('bad.csv', [
      HEADER,
      'unit,cli-so,Sở Nội vụ,,AGENCY,PROVINCE,,,,,,',
      'unit,cli-bad id,Trường,cli-so,SCHOOL,NOWHERE,,maybe,,,,',
      'person,cli-p1,,cli-so,,,,,,,yes,',
      'robot,cli-x,X,,,,,,,,,',
    ]);
    const run = await runTdkt(['import', file], env);
    expect(run.code).toBe(1);
    expect(run.err).toContain('line 3, id: id ');
    expect(run.err).toContain('line 3, level: level must be one of the following values');
    expect(run.err).toContain('line 3, small: small must be true or false');
    expect(run.err).toContain('line 4, name: name is required');
    expect(run.err).toContain('line 4, unitId: unitId is required');
    expect(run.err).toContain('line 5, kind: kind must be unit or person');
    expect(run.err).toContain('nothing was imported');
    expect(run.err).not.toContain('line 2');
    expect(await eventCount()).toBe(before);
  });

  it('import applies a good file parents first, and a rerun appends nothing more', async () => {
    const file = csvFile(
      'good.csv',
      [
        HEADER,
        'person,cli-p-lan,Nguyễn Thị Lan,,,,,,cli-truong,Giáo viên,false,true',
        'unit,cli-truong,Trường Tiểu học Quân Hà,cli-phong,SCHOOL,UNIT,Giáo dục,,,,,',
        'unit,cli-phong,Phòng Giáo dục huyện,huyen-bach-thong,AGENCY,DISTRICT,,,,,,',
      ],
      true,
    );
    const before = await eventCount();
    const first = await runTdkt(['import', file, '--json'], env);
    expect(first.err).not.toContain('tdkt:');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ rows: 3, ids: ['cli-phong', 'cli-truong', 'cli-p-lan'] });
    const afterFirst = await eventCount();
    expect(afterFirst).toBe(before + 3);

    const rerun = await runTdkt(['import', file], env);
    expect(rerun.code).toBe(0);
    expect(await eventCount()).toBe(afterFirst);
  }, 60_000);

  it('an import stopped by a refused row goes on, once corrected, from where it stopped', async () => {
    const lines = [HEADER, 'unit,cli-to-dan-pho,Tổ dân phố 1,huyen-bach-thong,VILLAGE,UNIT,,,,,,'];
    const before = await eventCount();
    const stopped = await runTdkt(
      ['import', csvFile('stops.csv', [...lines, 'person,cli-p-an,Lê Văn An,,,,,,cli-nowhere,,true,'])],
      env,
    );
    expect(stopped.code).toBe(1);
    expect(stopped.err).toMatch(
      /^tdkt: line 3: [A-Z_]+: .*\(1 row\(s\) before it are in; run the import again to go on\)/m,
    );
    expect(await eventCount()).toBe(before + 1);

    const corrected = csvFile('corrected.csv', [...lines, 'person,cli-p-an,Lê Văn An,,,,,,cli-to-dan-pho,,true,']);
    const resumed = await runTdkt(['import', corrected], env);
    expect(resumed.err).not.toContain('tdkt:');
    expect(resumed.code).toBe(0);
    expect(await eventCount()).toBe(before + 2);
  }, 60_000);

  it('refuses a role the access policy does not grant registerUnit with its FORBIDDEN, appending nothing', async () => {
    const file = csvFile('analyst.csv', [HEADER, 'unit,cli-other,Đơn vị khác,huyen-bach-thong,AGENCY,DISTRICT,,,,,,']);
    const before = await eventCount();
    const analyst = await tokenFor({ sub: 'cli-analyst', role: 'ANALYST' });
    const run = await runTdkt(['import', file, '--token', analyst], env);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^tdkt: FORBIDDEN: ANALYST may not run registerUnit/m);
    expect(await eventCount()).toBe(before);

    const forged = await runTdkt(['import', file, '--token', `${analyst}x`], env);
    expect(forged.code).toBe(1);
    expect(forged.err).toContain('UNAUTHENTICATED');
    const none = await runTdkt(['import', file], { ...env, TDKT_TOKEN: '' });
    expect(none.code).toBe(2);
    expect(await eventCount()).toBe(before);
  });

  it('seed province appends a generated province through the store, and says how much', async () => {
    const before = await eventCount();
    const run = await runTdkt(['seed', 'province', '--units', '24', '--years', '1', '--prefix', 'cli-', '--json'], env);
    expect(run.err).not.toContain('tdkt:');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { events: number; units: number; people: number };
    expect(result.units).toBe(24);
    expect(result.people).toBeGreaterThan(0);
    expect(await eventCount()).toBe(before + result.events);
  }, 120_000);
});
