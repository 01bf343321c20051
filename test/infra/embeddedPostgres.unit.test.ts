import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningEmbeddedPostgresUrl, unixSocketDirectory } from '../../src/infra/embeddedPostgres';

describe('unixSocketDirectory', () => {
  it('puts the socket in the data folder', () => {
    expect(unixSocketDirectory('/work/main/.data/postgres', 54321)).toBe('/work/main/.data/postgres');
    expect(unixSocketDirectory('/tmp/tdkt-test-pg-Ab3_x9', 0)).toBe('/tmp/tdkt-test-pg-Ab3_x9');
  });

  it('gives none (TCP only) where the socket path would be too long for the platform', () => {
    const deep = `/${'d'.repeat(90)}`;
    expect(`${deep}/.s.PGSQL.54321`.length).toBeGreaterThan(103);
    expect(unixSocketDirectory(deep, 54321)).toBeNull();
  });

  it('gives none for a relative path or one the comma-separated setting could misread', () => {
    for (const dir of ['.data/postgres', '/srv/my data/pg', '/srv/a,b/pg', "/srv/o'brien/pg"])
      expect(unixSocketDirectory(dir, 5432)).toBeNull();
  });
});

describe('runningEmbeddedPostgresUrl', () => {
  const postmasterPid = (pid: number, socketDir: string) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tdkt-pid-'));
    writeFileSync(
      join(dataDir, 'postmaster.pid'),
      `${pid}\n${dataDir}\n1700000000\n54321\n${socketDir}\n127.0.0.1\n  1234 5678\nready   \n`,
    );
    return dataDir;
  };

  it('reaches a running server through the socket its postmaster.pid names, else over TCP', () => {
    const withSocket = postmasterPid(process.pid, '/srv/pg');
    expect(runningEmbeddedPostgresUrl(withSocket, 'tdkt')).toBe(
      'postgres://postgres:postgres@localhost:54321/tdkt?host=%2Fsrv%2Fpg',
    );
    expect(runningEmbeddedPostgresUrl(postmasterPid(process.pid, ''), 'tdkt')).toBe(
      'postgres://postgres:postgres@127.0.0.1:54321/tdkt',
    );
  });

  it('finds none where no server runs', () => {
    expect(runningEmbeddedPostgresUrl(mkdtempSync(join(tmpdir(), 'tdkt-pid-')), 'tdkt')).toBeNull();
    expect(runningEmbeddedPostgresUrl(postmasterPid(2 ** 22 + 1, '/srv/pg'), 'tdkt')).toBeNull(); // above Linux's pid_max
  });
});
