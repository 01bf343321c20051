import { unixSocketDirectory } from '../../src/infra/embeddedPostgres';

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
    for (const dir of ['.data/postgres', '/srv/my data/pg', '/srv/a,b/pg', "/srv/o'brien/pg"]) expect(unixSocketDirectory(dir, 5432)).toBeNull();
  });
});
