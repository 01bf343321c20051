import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('defaults to PostgreSQL, embedded when no DATABASE_URL is given', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({ eventStore: 'postgres', databaseUrl: null, port: 4000, logLevel: 'info', embeddedDataDir: '/srv/app/.data/postgres' });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      DATABASE_URL: 'postgres://u:p@db:5432/tdkt',
      PORT: '8080',
      JWT_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ eventStore: 'eventstoredb', eventStoreUrl: 'esdb://localhost:2113?tls=false', databaseUrl: 'postgres://u:p@db:5432/tdkt', port: 8080, logLevel: 'debug' });
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ EVENT_STORE: 'eventstoredb', PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL must use postgres: or postgresql: (got "mysql:")',
      'PORT must be a port number 0-65535 (got "70000")',
      'LOG_LEVEL must be one of debug, info, warn, error (got "loud")',
      'EVENTSTORE_URL is required when EVENT_STORE=eventstoredb',
      'JWT_SECRET must be at least 32 characters',
    ]);
  });
});
