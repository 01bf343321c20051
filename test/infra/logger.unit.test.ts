import { createLogger, silentLogger } from '../../src/infra/logger';

describe('the logger', () => {
  const capture = (level: Parameters<typeof createLogger>[0] = 'debug') => {
    const lines: string[] = [];
    return {
      lines,
      logger: createLogger(level, (line) => lines.push(line)),
      entries: () => lines.map((l) => JSON.parse(l)),
    };
  };

  it('writes one JSON line per entry: ISO time, level name, message and details', () => {
    const { logger, lines, entries } = capture();
    logger.info('projection rebuilt', { name: 'registry', generation: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toEqual({
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      level: 'info',
      message: 'projection rebuilt',
      name: 'registry',
      generation: 2,
    });
  });

  it('leaves out entries below LOG_LEVEL', () => {
    const { logger, entries } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(entries().map((e) => e.level)).toEqual(['warn', 'error']);
  });

  it('redacts tokens and personal fields at the top and nested in the details', () => {
    const { logger, lines, entries } = capture();
    logger.warn('refused', {
      authorization: 'Bearer eyJ.secret.token',
      fullName: 'Nguyễn Văn A',
      input: { complainantName: 'Lê Thị B', content: 'nội dung đơn', unitId: 'u-1' },
      request: { headers: { authorization: 'Bearer other' }, denouncers: ['Trần C'] },
    });
    const text = lines.join('\n');
    for (const secret of ['eyJ.secret.token', 'Bearer other', 'Nguyễn Văn A', 'Lê Thị B', 'nội dung đơn', 'Trần C'])
      expect(text).not.toContain(secret);
    expect(entries()[0]).toMatchObject({
      authorization: '[redacted]',
      fullName: '[redacted]',
      input: { complainantName: '[redacted]', content: '[redacted]', unitId: 'u-1' },
      request: { headers: { authorization: '[redacted]' }, denouncers: '[redacted]' },
    });
  });

  it("carries a child's bindings on each of its lines, and redacts them too", () => {
    const { logger, entries } = capture();
    const request = logger.child({ requestId: 'req-1' });
    request.child({ correlationId: 'corr-1', token: 'abc' }).info('command', { command: 'registerPerson' });
    logger.info('outside');
    expect(entries()).toEqual([
      expect.objectContaining({ requestId: 'req-1', correlationId: 'corr-1', token: '[redacted]', message: 'command' }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it("leaves out a child's entries below LOG_LEVEL and writes the rest with its bindings", () => {
    const { logger, entries } = capture('warn');
    const child = logger.child({ requestId: 'req-2' }).child({ correlationId: 'corr-2' });
    child.debug('d');
    child.info('i');
    child.warn('w', { step: 1 });
    child.error('e');
    expect(entries()).toEqual([
      expect.objectContaining({ level: 'warn', message: 'w', requestId: 'req-2', correlationId: 'corr-2', step: 1 }),
      expect.objectContaining({ level: 'error', message: 'e', requestId: 'req-2', correlationId: 'corr-2' }),
    ]);
  });

  it('stays silent when silent, children included', () => {
    expect(() => silentLogger.child({ requestId: 'r' }).error('x')).not.toThrow();
  });
});
