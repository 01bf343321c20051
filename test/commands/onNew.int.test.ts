import { randomUUID } from 'node:crypto';
import type { CommandHandler } from '../../src/commands/commandHandler';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import type { Decider } from '../../src/shared/decider';
import { RuleViolation } from '../../src/shared/errors';
import { commandContext, createCommandLog, type CommandLog } from '../support/commandContext';
import { testEvent } from '../support/events';

// A rating as the domain has it: the first one rates, a later one corrects, the same one is refused.
type GradeState = { status: 'NONE' } | { status: 'GRADED'; grade: string };
type GradeCommand = { type: 'Grade'; data: { grade: string } };
type GradeEvent = { type: 'Graded' | 'Corrected'; data: { grade: string } };
const gradeDecider: Decider<GradeCommand, GradeEvent, GradeState> = {
  streamType: 'grade',
  initialState: () => ({ status: 'NONE' }),
  evolve: (_, event) => ({ status: 'GRADED', grade: event.data.grade }),
  decide: (command, state) => {
    if (state.status === 'NONE') return [{ type: 'Graded', data: command.data }];
    if (state.grade === command.data.grade) throw new RuleViolation('GRADE_UNCHANGED', 'the grade is the same');
    return [{ type: 'Corrected', data: command.data }];
  },
};

describe('CommandHandler.onNew: a create command’s stream, decided as new without a read', () => {
  let log: CommandLog;
  let store: PostgresEventStore;
  let handler: CommandHandler;
  const grade = (id: string, value: string, seen: GradeState[] = [], idempotencyKey: string | null = null) =>
    handler.onNew(gradeDecider, id).decide(commandContext({ idempotencyKey }), 'grade', { id, value }, (_tx, s) => {
      seen.push(s.state);
      return { type: 'Grade', data: { grade: value } };
    });
  /** The stream as another process left it: this handler has never loaded it. */
  const gradedElsewhere = (id: string, value: string) =>
    store.append(`grade-${id}`, [testEvent('Graded', { grade: value })], Expected.noStream);

  beforeAll(async () => {
    log = await createCommandLog();
    ({ store, handler } = log);
  });
  afterAll(async () => log.drop());
  afterEach(() => jest.restoreAllMocks());

  it('appends a new stream without reading it', async () => {
    const id = randomUUID();
    const reads = jest.spyOn(store, 'readStream');
    const seen: GradeState[] = [];
    const result = await grade(id, 'GOOD', seen);
    expect(result).toMatchObject({ streamId: `grade-${id}`, version: 1, eventTypes: ['Graded'] });
    expect(seen).toEqual([{ status: 'NONE' }]);
    expect(reads.mock.calls.filter(([streamId]) => streamId === `grade-${id}`)).toEqual([]);
  });

  it('decides again on a stream that exists after all, once its append is refused, with no retries allowed', async () => {
    const id = randomUUID();
    await gradedElsewhere(id, 'GOOD');
    const seen: GradeState[] = [];
    const result = await grade(id, 'EXCELLENT', seen);
    expect(seen).toEqual([{ status: 'NONE' }, { status: 'GRADED', grade: 'GOOD' }]);
    expect(result).toMatchObject({ version: 2, eventTypes: ['Corrected'] });
    expect((await store.readStream(`grade-${id}`)).map((e) => [e.type, e.data.grade])).toEqual([
      ['Graded', 'GOOD'],
      ['Corrected', 'EXCELLENT'],
    ]);
  });

  it('answers the decider’s refusal on the stream as it is, appending nothing, also under an Idempotency-Key', async () => {
    const id = randomUUID();
    await gradedElsewhere(id, 'GOOD');
    const key = randomUUID();
    const seen: GradeState[][] = [];
    for (const idempotencyKey of [key, key, null]) {
      seen.push([]);
      await expect(grade(id, 'GOOD', seen.at(-1), idempotencyKey)).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        rule: 'GRADE_UNCHANGED',
      });
    }
    // Taken for new, then read; once read, the stream is known here and read at once.
    const graded = { status: 'GRADED', grade: 'GOOD' };
    expect(seen).toEqual([[{ status: 'NONE' }, graded], [graded], [graded]]);
    expect(await store.readStream(`grade-${id}`)).toHaveLength(1);
  });

  it('reads a stream this process has loaded before, so a repeat is decided on it at once', async () => {
    const id = randomUUID();
    await gradedElsewhere(id, 'GOOD');
    await grade(id, 'FAIR'); // read once by its second attempt: now known here
    const appends = jest.spyOn(store, 'appendToStreams');
    const seen: GradeState[] = [];
    await expect(grade(id, 'FAIR', seen)).rejects.toBeInstanceOf(RuleViolation);
    expect(seen).toEqual([{ status: 'GRADED', grade: 'FAIR' }]);
    expect(appends).not.toHaveBeenCalled();
  });

  it('counts the attempt that reads the stream as a retried conflict', async () => {
    const before = handler.conflictRetries.snapshot().grade ?? 0;
    const id = randomUUID();
    await gradedElsewhere(id, 'GOOD');
    await grade(id, 'POOR');
    await grade(randomUUID(), 'POOR');
    expect(handler.conflictRetries.snapshot().grade).toBe(before + 1);
  });
});
