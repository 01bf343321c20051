import { auditTrailProjection } from '../../projections/auditTrail/auditTrail.projection';
import { IncrementalChainVerifier, LINKS_PER_READ } from '../../src/auditTrail/chainVerifier';
import { Expected, type NewEvent } from '../../src/eventStore/eventStore.port';
import { startTestApp, type TestApp } from '../support/app';
import { testMetadata } from '../support/events';
import { asAdministrator } from '../support/storedLog';
import { caughtUp } from '../support/until';

// The inspector's chain verification remembers verified stream prefixes: these check
// that what it remembers never hides an alteration of the stored log.
const TRAIL = `query($filter: AuditFilter!) { auditTrail(filter: $filter) { entries { streamId streamVersion type } chainVerified } }`;

const event = (type: string, data: Record<string, unknown>, actorId = 'secretariat-1'): NewEvent => ({
  type,
  data,
  metadata: testMetadata({ actorId }),
});

const convened = (sessionId: string) =>
  event('CouncilSessionConvened', { sessionId, agenda: [{ dossierId: `d-${sessionId}` }] });
/** A ballot on the session's one dossier, cast by the member in person. */
const ballot = (sessionId: string, memberId: string, choice = 'APPROVE') =>
  event('BallotCast', { sessionId, dossierId: `d-${sessionId}`, memberId, choice }, `${memberId}-${sessionId}`);

describe('auditTrail chain verification with remembered prefixes', () => {
  let t: TestApp;
  let session = 0;

  beforeAll(async () => {
    t = await startTestApp({ projections: [auditTrailProjection] });
  });
  afterAll(async () => t.stop());

  /** Changes a stored event as an administrator can, with the immutability trigger off for a moment. */
  const alterStoredEvent = (streamId: string, version: number, assignment: string) =>
    asAdministrator(t.db.pool, [
      [`UPDATE events SET ${assignment} WHERE stream_id = $1 AND stream_version = $2`, [streamId, version]],
    ]);
  const trail = async (filter: Record<string, unknown>) =>
    (await t.graphql(TRAIL, { filter })).body.data.auditTrail as {
      entries: Array<{ streamId: string; streamVersion: number; type: string }>;
      chainVerified: boolean;
    };

  /**
   * A session stream with a convening and two ballots, each ballot by its own member;
   * the trail of one ballot is verified (and remembered).
   */
  async function verifiedSession(): Promise<{ streamId: string; sessionId: string }> {
    const sessionId = `s${++session}`;
    const streamId = `council_session-${sessionId}`;
    const store = t.app.services.store;
    await store.append(streamId, [convened(sessionId)], Expected.noStream);
    await store.append(streamId, [ballot(sessionId, 'm1')], Expected.version(1));
    const last = await store.append(streamId, [ballot(sessionId, 'm2')], Expected.version(2));
    await caughtUp(t, last.position);
    const shown = await trail({ streamId, actorId: `m2-${sessionId}` });
    expect(shown.entries.map((e) => e.streamVersion)).toEqual([3]);
    expect(shown.chainVerified).toBe(true);
    return { streamId, sessionId };
  }

  it('uses the incremental verifier over PostgreSQL and remembers what it verified', async () => {
    await verifiedSession();
    const verifier = t.app.services.chainVerifier;
    expect(verifier).toBeInstanceOf(IncrementalChainVerifier);
    expect((verifier as IncrementalChainVerifier).rememberedStreams).toBeGreaterThan(0);
  });

  it('recomputes many unseen streams at once, a few at a time, and verifies each', async () => {
    const store = t.app.services.store;
    const streams: string[] = [];
    let last = '0';
    for (let i = 0; i < 7; i++) {
      const sessionId = `burst${++session}`;
      const streamId = `council_session-${sessionId}`;
      await store.append(streamId, [convened(sessionId)], Expected.noStream);
      last = (await store.append(streamId, [ballot(sessionId, 'm1')], Expected.version(1))).position;
      streams.push(streamId);
    }
    await caughtUp(t, last);
    const verifier = t.app.services.chainVerifier as IncrementalChainVerifier;
    const before = verifier.rememberedStreams;
    const pages = await Promise.all(streams.map((streamId) => trail({ streamId })));
    expect(pages.map((p) => [p.entries.length, p.chainVerified])).toEqual(streams.map(() => [2, true]));
    expect(verifier.rememberedStreams).toBe(before + streams.length);
  });

  it('verifies a stream longer than one read page by page, and finds an alteration deep inside it', async () => {
    const sessionId = `long${++session}`;
    const streamId = `council_session-${sessionId}`;
    const length = LINKS_PER_READ * 2 + 37;
    const ballots = Array.from({ length: length - 1 }, (_, i) => ballot(sessionId, `m${i}`));
    const appended = await t.app.services.store.append(streamId, [convened(sessionId), ...ballots], Expected.noStream);
    await caughtUp(t, appended.position);
    const lastPage = { streamId, actorId: `m${length - 2}-${sessionId}` };
    expect(await trail(lastPage)).toMatchObject({ entries: [{ streamVersion: length }], chainVerified: true });

    await alterStoredEvent(streamId, LINKS_PER_READ + 10, `data = jsonb_set(data, '{choice}', '"REJECT"')`);
    expect((await trail(lastPage)).chainVerified).toBe(false);
  });

  it('verifies events appended after a prefix was remembered', async () => {
    const { streamId, sessionId } = await verifiedSession();
    const late = await t.app.services.store.append(streamId, [ballot(sessionId, 'm3', 'ABSTAIN')], Expected.version(3));
    await caughtUp(t, late.position);
    expect((await trail({ streamId, actorId: `m3-${sessionId}` })).chainVerified).toBe(true);
    expect((await trail({ streamId })).chainVerified).toBe(true);
  });

  it('reports an event inserted behind the application that does not chain from the verified head', async () => {
    const { streamId, sessionId } = await verifiedSession();
    // INSERT is what the immutability triggers allow: a forged continuation must still fail.
    await t.db.pool.query(
      `INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at)
       SELECT max(position) + 1, $1, 4, gen_random_uuid(), 'BallotCast', $2::jsonb,
              $3::jsonb, now()
       FROM events`,
      [
        streamId,
        JSON.stringify({ sessionId, dossierId: `d-${sessionId}`, memberId: 'm9', choice: 'APPROVE' }),
        JSON.stringify({ ...testMetadata({ actorId: 'forger' }), prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) }),
      ],
    );
    // The page shows only the remembered ballot; the stream's newer head must still be checked.
    expect((await trail({ streamId, actorId: `m2-${sessionId}` })).chainVerified).toBe(false);
  });

  it('reports an alteration of a remembered event the page does not show, made by switching the trigger off', async () => {
    const { streamId, sessionId } = await verifiedSession();
    await alterStoredEvent(streamId, 1, `data = jsonb_set(data, '{agenda}', '[]')`);
    // Version 1 is not on this page: only the changed guard can make the verifier look again.
    expect((await trail({ streamId, actorId: `m2-${sessionId}` })).chainVerified).toBe(false);
  });

  it('reports an alteration made in replica mode once the trigger was set to fire in ordinary sessions only', async () => {
    const { streamId, sessionId } = await verifiedSession();
    // Enabled for ordinary sessions only: a superuser's replica-mode session skips it.
    await t.db.pool.query('ALTER TABLE events ENABLE TRIGGER events_no_update');
    const client = await t.db.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(
        `UPDATE events SET data = jsonb_set(data, '{agenda}', '[]') WHERE stream_id = $1 AND stream_version = 1`,
        [streamId],
      );
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
    expect((await trail({ streamId, actorId: `m2-${sessionId}` })).chainVerified).toBe(false);
    await t.db.pool.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_update');
  });

  it.each([
    ['hash', `hash = repeat('0', 64)`],
    ['hash (its last digit)', `hash = left(hash, 63) || CASE WHEN right(hash, 1) = '0' THEN '1' ELSE '0' END`],
    ['hash (the same bytes spelled in capitals)', `hash = upper(hash)`],
    ['stream version', 'stream_version = 2'],
    ['stream', `stream_id = stream_id || '-x'`],
    ['position', 'position = position + 1'],
  ])('reports a read-model entry whose %s is not what the log holds at its position', async (_, change) => {
    const { streamId, sessionId } = await verifiedSession();
    const events = await t.app.services.store.readStream(streamId);
    await t.db.pool.query(`UPDATE audit_trail.entries SET ${change} WHERE stream_id = $1 AND stream_version = 3`, [
      streamId,
    ]);
    const shown = await trail({ actorId: `m2-${sessionId}` });
    expect(shown.entries).toHaveLength(1);
    expect(shown.chainVerified).toBe(false);
    expect(await t.app.services.store.readStream(streamId)).toEqual(events); // the log itself is untouched
  });

  it('reports an event whose actor was rewritten in its metadata, also on a page that does not show it', async () => {
    const { streamId, sessionId } = await verifiedSession();
    await alterStoredEvent(streamId, 2, `metadata = jsonb_set(metadata, '{actorId}', '"m9"')`);
    expect((await trail({ streamId, actorId: `m2-${sessionId}` })).chainVerified).toBe(false);
  });

  it('keeps reporting an altered stream on every later request', async () => {
    const { streamId, sessionId } = await verifiedSession();
    await alterStoredEvent(streamId, 2, `data = jsonb_set(data, '{memberId}', '"m7"')`);
    for (let i = 0; i < 3; i++)
      expect((await trail({ streamId, actorId: `m2-${sessionId}` })).chainVerified).toBe(false);
    // Other streams still verify.
    const other = await verifiedSession();
    expect((await trail({ streamId: other.streamId })).chainVerified).toBe(true);
  });
});
