import { councilBallotsProjection } from '../../projections/councilBallots/councilBallots.projection';
import { getBallotsOfSession } from '../../projections/councilBallots/councilBallots.queries';
import { ballotStreamIdOf } from '../../src/ballots/ballot.decider';
import type { BallotCast } from '../../src/ballots/ballot.events';
import type { CouncilSessionClosed } from '../../src/councilSessions/councilSession.events';
import { Expected, type EventStore } from '../../src/eventStore/eventStore.port';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import { BallotChoice } from '../../src/shared/domain';
import { testMetadata } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';
import { caughtUp } from '../support/until';

const CAST_AT = '2025-11-20T03:00:00.000Z';

async function castBallot(store: EventStore, sessionId: string, memberId: string, writtenBallot = false) {
  const data: BallotCast['data'] = {
    sessionId,
    dossierId: 'd-1',
    memberId,
    memberName: `Thành viên ${memberId}`,
    choice: BallotChoice.REJECT,
    castBy: writtenBallot ? 'secretariat-1' : memberId,
    writtenBallot,
    castAt: CAST_AT,
  };
  const streamId = ballotStreamIdOf(sessionId, 'd-1', memberId);
  await store.append(
    streamId,
    [{ type: 'BallotCast', data: { ...data }, metadata: testMetadata() }],
    Expected.noStream,
  );
}

async function closeSession(store: EventStore, sessionId: string, countedMembers: string[]) {
  const data: CouncilSessionClosed['data'] = {
    sessionId,
    councilUnitId: 'so-noi-vu',
    closedAt: '2025-11-20T09:00:00.000Z',
    members: 3,
    membersVoted: countedMembers.length,
    tallies: [],
    countedBallots: countedMembers.map((memberId) => ({
      dossierId: 'd-1',
      memberId,
      ballotStreamId: ballotStreamIdOf(sessionId, 'd-1', memberId),
    })),
  };
  // The session's convening is left out: this read model does not read it.
  await store.append(
    `council_session-${sessionId}`,
    [{ type: 'CouncilSessionClosed', data: { ...data }, metadata: testMetadata() }],
    Expected.any,
  );
}

describe('the council ballots read model', () => {
  let log: TestLog;

  beforeAll(async () => {
    log = await createTestLog();
    const { store } = log;
    await castBallot(store, 's-a', 'm-1');
    await castBallot(store, 's-a', 'm-2', true);
    await closeSession(store, 's-a', ['m-1']);
    await castBallot(store, 's-a', 'm-3');
    await castBallot(store, 's-b', 'm-1');
  });
  afterAll(async () => log.drop());

  /** The projection applied in batches of `batchSize`, under a schema of its own; its rows by session and member. */
  async function project(name: string, batchSize: number): Promise<unknown[]> {
    const runner = new ProjectionRunner(log.db.pool, log.store, [{ ...councilBallotsProjection, name }], { batchSize });
    await runner.start();
    await caughtUp(runner, await log.store.lastCommittedPosition());
    await runner.stop();
    const { rows } = await log.db.pool.query(
      `SELECT session_id, member_id, written_ballot, counted, late FROM ${name}.council_ballots ORDER BY session_id, member_id`,
    );
    return rows;
  }

  it('marks the ballots a close did not count as late, whether they came before or after it, in one batch or one by one', async () => {
    const expected = [
      { session_id: 's-a', member_id: 'm-1', written_ballot: false, counted: true, late: false },
      { session_id: 's-a', member_id: 'm-2', written_ballot: true, counted: false, late: true },
      { session_id: 's-a', member_id: 'm-3', written_ballot: false, counted: false, late: true },
      { session_id: 's-b', member_id: 'm-1', written_ballot: false, counted: null, late: false },
    ];
    expect(await project('council_ballots', 1000)).toEqual(expected);
    expect(await project('council_ballots_one_by_one', 1)).toEqual(expected);
  });

  it("answers a session's ballots in the order cast, with no choice", async () => {
    const ballots = await getBallotsOfSession(log.db.pool, 's-a');
    expect(ballots.map((b) => [b.memberId, b.counted, b.late])).toEqual([
      ['m-1', true, false],
      ['m-2', false, true],
      ['m-3', false, true],
    ]);
    expect(ballots[1]).toMatchObject({
      sessionId: 's-a',
      dossierId: 'd-1',
      memberName: 'Thành viên m-2',
      castAt: CAST_AT,
    });
    expect(JSON.stringify(ballots)).not.toMatch(/REJECT/);
    expect(await getBallotsOfSession(log.db.pool, 's-none')).toEqual([]);
  });
});
