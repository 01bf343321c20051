import { Expected, type EventStore, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { chainNewEvents } from '../../src/eventStore/hashChain';
import { checkLog } from '../../src/integrity/logCheck';
import { compareWithKept, currentLogDigest, digestOf, type LogDigest } from '../../src/integrity/logDigest';
import { asAdministrator, createTestLog, type TestLog } from '../support/storedLog';
import { testEvent } from '../support/events';
import { appendSteps, untilReadable } from '../support/streams';

// What an administrator can do to the stored log with the immutability trigger off for
// a moment, and what catches it: the chains themselves, or a digest kept elsewhere.
describe('tampering with the stored log', () => {
  let log: TestLog;
  let store: EventStore;

  beforeAll(async () => {
    log = await createTestLog();
    store = log.store;
  });
  afterAll(async () => log.drop());

  const award = (events = 5) => appendSteps(store, events);

  /** The whole log checked up to its newest event (other test files' transactions may hold the readable head back). */
  const check = async (headsAt?: string) => checkLog(store, { upTo: await store.lastCommittedPosition(), headsAt });
  const findingsOf = async (streamId: string) => (await check()).findings.filter((f) => f.streamId === streamId);
  const keptDigest = async (): Promise<LogDigest> => {
    const result = await check();
    return digestOf(result.heads, result.upTo);
  };
  const differencesSince = async (kept: LogDigest) => compareWithKept(kept, (await check(kept.position)).headsAt!);

  it('finds every chain intact in an untouched log', async () => {
    await award();
    expect((await check()).findings).toEqual([]);
  });

  it.each([
    ['data', `data = jsonb_set(data, '{n}', '99')`],
    ['actor (metadata)', `metadata = jsonb_set(metadata, '{actorId}', '"someone-else"')`],
    ['role (metadata)', `metadata = jsonb_set(metadata, '{role}', '"INSPECTOR"')`],
    ['rule set (metadata)', `metadata = jsonb_set(metadata, '{ruleSetId}', '"tdkt-2013"')`],
    ['recorded time (metadata)', `metadata = jsonb_set(metadata, '{recordedAt}', '"2020-01-01T00:00:00.000Z"')`],
    ['recorded time (its column)', `recorded_at = recorded_at - interval '1 day'`],
    ['type', `type = 'AwardRevoked'`],
  ])('names an event whose %s was altered', async (_, change) => {
    const streamId = await award();
    await asAdministrator(log.db.pool, [
      [`UPDATE events SET ${change} WHERE stream_id = $1 AND stream_version = 3`, [streamId]],
    ]);
    expect(await findingsOf(streamId)).toEqual([{ streamId, version: 3, kind: 'altered', detail: expect.any(String) }]);
  });

  it('names the first missing version when an event is deleted from the middle', async () => {
    const streamId = await award();
    await asAdministrator(log.db.pool, [
      ['DELETE FROM events WHERE stream_id = $1 AND stream_version = 2', [streamId]],
    ]);
    expect(await findingsOf(streamId)).toEqual([
      { streamId, version: 2, kind: 'removed', detail: 'version 2 is missing' },
    ]);
  });

  it('names two events that exchanged places', async () => {
    const streamId = await award();
    await asAdministrator(log.db.pool, [
      ['UPDATE events SET stream_version = 1000 WHERE stream_id = $1 AND stream_version = 2', [streamId]],
      ['UPDATE events SET stream_version = 2 WHERE stream_id = $1 AND stream_version = 3', [streamId]],
      ['UPDATE events SET stream_version = 3 WHERE stream_id = $1 AND stream_version = 1000', [streamId]],
    ]);
    expect(await findingsOf(streamId)).toEqual([
      { streamId, version: 2, kind: 'reordered', detail: 'versions 2 and 3 have exchanged places' },
    ]);
  });

  it('names an event inserted in the middle, even one chained from its predecessor', async () => {
    const streamId = await award();
    const [, second] = await store.readStream(streamId);
    const [forged] = chainNewEvents(streamId, 2, second.metadata.hash, [testEvent('Forged', { n: 0 })]);
    await asAdministrator(log.db.pool, [
      [
        'UPDATE events SET stream_version = stream_version + 1000 WHERE stream_id = $1 AND stream_version >= 3',
        [streamId],
      ],
      [
        'UPDATE events SET stream_version = stream_version - 999 WHERE stream_id = $1 AND stream_version > 1000',
        [streamId],
      ],
      [
        `INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at)
         SELECT max(position) + 1, $1, 3, gen_random_uuid(), $2, $3::jsonb, $4::jsonb, $5 FROM events`,
        [streamId, forged.type, forged.dataJson, forged.metadataJson, forged.metadata.recordedAt],
      ],
    ]);
    expect(await findingsOf(streamId)).toEqual([
      { streamId, version: 3, kind: 'inserted', detail: expect.stringContaining('inserted') },
    ]);
  });

  it('keeps a chain recomputed after an alteration verifying: only a kept digest names it', async () => {
    const streamId = await award();
    const kept = await keptDigest();
    await recomputeFrom(streamId, 2, (event) => ({ ...event.data, n: 42 }));
    expect(await findingsOf(streamId)).toEqual([]);
    const comparison = await differencesSince(kept);
    expect(comparison.rootMatches).toBe(false);
    expect(comparison.differences).toEqual([
      {
        streamId,
        change: 'recomputed chain',
        kept: expect.objectContaining({ version: 5 }),
        now: expect.objectContaining({ version: 5 }),
      },
    ]);
  });

  it('names a deleted tail and a deleted stream against a kept digest, which the chains cannot show', async () => {
    const tail = await award();
    const gone = await award(2);
    const kept = await keptDigest();
    await asAdministrator(log.db.pool, [
      ['DELETE FROM events WHERE stream_id = $1 AND stream_version >= 4', [tail]],
      ['DELETE FROM events WHERE stream_id = $1', [gone]],
    ]);
    expect([...(await findingsOf(tail)), ...(await findingsOf(gone))]).toEqual([]);
    const { rootMatches, differences } = await differencesSince(kept);
    expect(rootMatches).toBe(false);
    const changes = new Map(differences.map((d) => [d.streamId, [d.change, d.kept?.version, d.now?.version ?? null]]));
    expect(Object.fromEntries(changes)).toEqual({
      [tail]: ['deleted tail', 5, 3],
      [gone]: ['deleted stream', 2, null],
    });
  });

  it('matches a kept digest after later appends, and a kept root alone tells whether a head changed', async () => {
    const streamId = await award(2);
    const kept = await keptDigest();
    await store.append(streamId, [testEvent('Later')], Expected.version(2));
    await award(1);
    expect(await differencesSince(kept)).toEqual({ rootNow: kept.root, rootMatches: true, differences: [] });
    const rootOnly: LogDigest = {
      scheme: kept.scheme,
      position: kept.position,
      root: kept.root,
      streamCount: 0,
      eventCount: 0,
    };
    expect((await differencesSince(rootOnly)).rootMatches).toBe(true);
    await recomputeFrom(streamId, 2, () => ({ n: 7 }));
    expect(await differencesSince(rootOnly)).toMatchObject({ rootMatches: false, differences: [] });
  });

  it('leaves the root to vouch for the heads and the chains for what lies below them', async () => {
    const streamId = await award(3);
    const kept = await keptDigest();
    await asAdministrator(log.db.pool, [
      [
        'UPDATE events SET data = $2::jsonb WHERE stream_id = $1 AND stream_version = 1',
        [streamId, JSON.stringify({ n: 7 })],
      ],
    ]);
    expect((await differencesSince(kept)).rootMatches).toBe(true);
    expect(await findingsOf(streamId)).toEqual([expect.objectContaining({ version: 1, kind: 'altered' })]);
  });

  it('gives the digest of the heads read directly the root the check computes', async () => {
    await award(3);
    await untilReadable(store);
    const result = await checkLog(store);
    expect(await currentLogDigest(store)).toEqual({ ...digestOf(result.heads, result.upTo), heads: undefined });
  });

  it('reports its progress while it reads', async () => {
    await award(4);
    const seen: number[] = [];
    await checkLog(store, {
      upTo: await store.lastCommittedPosition(),
      pageSize: 3,
      progressEveryMs: 0,
      onProgress: (p) => seen.push(p.events),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  /**
   * Rewrites a stream from `version` on with new data and hashes every event again, as
   * someone who knows the scheme would.
   */
  async function recomputeFrom(
    streamId: string,
    version: number,
    data: (event: RecordedEvent) => Record<string, unknown>,
  ): Promise<void> {
    const events = await store.readStream(streamId);
    const rewritten = events.slice(version - 1).map((event) => {
      const { prevHash: _p, hash: _h, ...metadata } = event.metadata;
      return { type: event.type, data: data(event), metadata };
    });
    const chained = chainNewEvents(streamId, version - 1, events[version - 2].metadata.hash, rewritten);
    await asAdministrator(
      log.db.pool,
      chained.map((e) => [
        `UPDATE events SET data = $3::jsonb, metadata = $4::jsonb WHERE stream_id = $1 AND stream_version = $2`,
        [streamId, e.streamVersion, e.dataJson, e.metadataJson],
      ]),
    );
  }
});
