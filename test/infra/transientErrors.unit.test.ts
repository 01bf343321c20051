import { isDatabaseUnreachable, isTransientDatabaseError, retryTransient } from '../../src/infra/transientErrors';

/** An error shaped as node-postgres and Node's sockets make them. */
function failure(message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), fields);
}

describe('isTransientDatabaseError', () => {
  it.each([
    [
      'a server shutting down (57P01)',
      failure('terminating connection due to administrator command', { code: '57P01' }),
    ],
    ['a crash shutdown (57P02)', failure('terminating connection due to crash', { code: '57P02' })],
    ['a server starting up (57P03)', failure('the database system is starting up', { code: '57P03' })],
    ['a connection exception (08006)', failure('connection failure', { code: '08006' })],
    ['too many connections (53300)', failure('sorry, too many clients already', { code: '53300' })],
    [
      'a refused connection',
      failure('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' }),
    ],
    [
      'a Unix socket that is gone',
      failure('connect ENOENT /tmp/.s.PGSQL.5432', { code: 'ENOENT', syscall: 'connect' }),
    ],
    ['a dropped connection', failure('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', failure('timeout exceeded when trying to connect')],
    [
      'a wrapped cause',
      failure('Connection terminated due to connection timeout', { cause: failure('timeout expired') }),
    ],
  ])('holds for %s, which also means the database is unreachable', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isDatabaseUnreachable(error)).toBe(true);
  });

  it.each([
    ['a serialization failure (40001)', failure('could not serialize access', { code: '40001' })],
    ['a deadlock (40P01)', failure('deadlock detected', { code: '40P01' })],
  ])('holds for %s, which the database itself survives', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isDatabaseUnreachable(error)).toBe(false);
  });

  it.each([
    ['a unique violation (23505)', failure('duplicate key value', { code: '23505' })],
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'forEach')")],
    ['a missing file', failure('ENOENT: no such file', { code: 'ENOENT', syscall: 'open' })],
    ['a string', 'Connection terminated unexpectedly'],
    ['nothing', undefined],
  ])('does not hold for %s', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});

describe('retryTransient', () => {
  it('tries again after transient errors until the operation succeeds, telling each retry', async () => {
    const errors = [failure('Connection terminated unexpectedly'), failure('starting up', { code: '57P03' })];
    const retries: number[] = [];
    const result = await retryTransient(
      async () => {
        const next = errors.shift();
        if (next) throw next;
        return 'done';
      },
      { maxDelayMs: 1, onRetry: (_, attempt) => retries.push(attempt) },
    );
    expect(result).toBe('done');
    expect(retries).toEqual([1, 2]);
  });

  it('throws any other error at once', async () => {
    let attempts = 0;
    const bug = new TypeError('a bug');
    await expect(
      retryTransient(async () => {
        attempts++;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(attempts).toBe(1);
  });

  it('stops when its signal is aborted, with the signal’s reason', async () => {
    const stop = new AbortController();
    const reason = new Error('stopping');
    let attempts = 0;
    const retrying = retryTransient(
      async () => {
        attempts++;
        if (attempts === 2) stop.abort(reason);
        throw failure('Connection terminated unexpectedly');
      },
      { signal: stop.signal, maxDelayMs: 1 },
    );
    await expect(retrying).rejects.toBe(reason);
    expect(attempts).toBe(2);
  });
});
