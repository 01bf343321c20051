import { describeStartupFailure, StartupError } from '../../src/infra/startupFailure';

describe('describeStartupFailure', () => {
  it('gives a StartupError as its one line', () => {
    expect(describeStartupFailure(new StartupError('do this'), false)).toBe('failed to start: do this');
  });

  it('says which port is taken', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:4000'), {
      code: 'EADDRINUSE',
      port: 4000,
    });
    const line = describeStartupFailure(error, false);
    expect(line).toContain('port 4000 is already in use');
    expect(line).not.toContain('\n');
  });

  it('names what was refused', () => {
    const error = Object.assign(new Error('spawn /x/initdb EACCES'), {
      code: 'EACCES',
      syscall: 'spawn /x/initdb',
      path: '/x/initdb',
    });
    expect(describeStartupFailure(error, false)).toBe(
      'failed to start: permission denied (spawn /x/initdb); give this user access to it or start from a folder it may use',
    );
  });

  it('gives an unexpected error its first line, and its stack only in debug', () => {
    const error = new Error('something odd\nmore detail');
    expect(describeStartupFailure(error, false)).toBe(
      'failed to start: something odd (LOG_LEVEL=debug shows the stack)',
    );
    expect(describeStartupFailure(error, true)).toContain('    at ');
  });
});
