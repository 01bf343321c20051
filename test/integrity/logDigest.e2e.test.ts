import { Expected } from '../../src/eventStore/eventStore.port';
import { checkLog } from '../../src/integrity/logCheck';
import { DIGEST_SCHEME, digestOf } from '../../src/integrity/logDigest';
import { startTestApp, type TestApp } from '../support/app';
import { testEvent, uniqueStream } from '../support/events';
import { untilReadable } from '../support/streams';

const LOG_DIGEST = 'query { logDigest { root position streamCount scheme } }';

describe('logDigest query', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ projections: [] });
  });
  afterAll(async () => t.stop());

  it('answers the digest of the log at its readable head, with the root verify-chain computes there', async () => {
    const store = t.app.services.store;
    await store.append(uniqueStream('award'), [testEvent('A'), testEvent('B')], Expected.noStream);
    const last = await store.append(uniqueStream('dossier'), [testEvent('C')], Expected.noStream);
    await untilReadable(store);

    const { body } = await t.graphql(LOG_DIGEST);
    const checked = await checkLog(store, { upTo: body.data.logDigest.position });
    const expected = digestOf(checked.heads, checked.upTo);
    expect(body.data.logDigest).toEqual({
      root: expected.root,
      position: last.position,
      streamCount: 2,
      scheme: DIGEST_SCHEME,
    });
  });

  it('answers another root once the log grew', async () => {
    const before = (await t.graphql(LOG_DIGEST)).body.data.logDigest;
    const store = t.app.services.store;
    const last = await store.append(uniqueStream('award'), [testEvent('D')], Expected.noStream);
    await untilReadable(store);
    const later = (await t.graphql(LOG_DIGEST)).body.data.logDigest;
    expect(later).toMatchObject({ position: last.position, streamCount: before.streamCount + 1 });
    expect(later.root).not.toBe(before.root);
  });
});
