import { StreamChainCheck, verifyChain, type ChainFinding, type ChainLink } from '../../src/eventStore/chainCheck';
import { canonicalJson, chainNewEvents, eventHash, GENESIS_HASH } from '../../src/eventStore/hashChain';
import { testMetadata } from '../support/events';

const STREAM = 'award-a1';

/** `count` events as the store appends them (scheme 2), at positions 100, 200, … */
function appended(count: number, from = 0, lastHash = GENESIS_HASH): ChainLink[] {
  const events = Array.from({ length: count }, (_, i) => ({
    type: 'Step',
    data: { n: from + i + 1 },
    metadata: testMetadata({ actorId: `actor-${from + i + 1}` }),
  }));
  return chainNewEvents(STREAM, from, lastHash, events).map((e) => ({
    streamId: STREAM,
    streamVersion: e.streamVersion,
    position: String(e.streamVersion * 100),
    type: e.type,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.metadata.recordedAt,
  }));
}

/** Events as they were hashed before metadata was (scheme 1: no scheme in the metadata). */
function appendedUnderScheme1(count: number): ChainLink[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const link = {
      streamId: STREAM,
      streamVersion: i + 1,
      position: String((i + 1) * 100),
      type: 'Old',
      data: { n: i + 1 },
      metadata: { ...testMetadata(), prevHash, hash: '' },
      recordedAt: '',
    };
    link.recordedAt = link.metadata.recordedAt;
    link.metadata.hash = eventHash(link, prevHash, 1);
    prevHash = link.metadata.hash;
    return link;
  });
}

function check(links: ChainLink[]): ChainFinding | null {
  const stream = new StreamChainCheck(STREAM);
  for (const link of links) stream.add(link);
  return stream.finish();
}

const withVersion = (link: ChainLink, streamVersion: number): ChainLink => ({ ...link, streamVersion });

describe('hash chain schemes', () => {
  it('hashes stored events exactly as they were hashed when appended', () => {
    // Pinned values of the first implementation: a change here would break every stored chain.
    const data = {
      b: [1, undefined, { Z: 'Nguyễn Văn An', a: null, é: 2.5, A: [true, false] }],
      a: 'x\ny',
      ß: { k: -0, j: 1e21 },
      u: undefined,
    };
    expect(canonicalJson(data)).toBe(
      '{"a":"x\\ny","b":[1,null,{"A":[true,false],"Z":"Nguyễn Văn An","a":null,"é":2.5}],"ß":{"j":1e+21,"k":0}}',
    );
    // Keys that look like array indices, which JavaScript lists first in any object, sort as text too.
    expect(canonicalJson({ b: { '10': 1, '9': [2, { y: 1, x: 0 }] }, a: 1 })).toBe(
      '{"a":1,"b":{"10":1,"9":[2,{"x":0,"y":1}]}}',
    );
    const event = { streamId: 'award-a1', streamVersion: 3, type: 'AwardGranted', data, metadata: {} };
    expect(eventHash(event, GENESIS_HASH, 1)).toBe('f35b7688a8c6cb6d3c0f292de665f402f5fb089af99e86170ead4dee523b9949');
    // Scheme 2: the canonical metadata without prevHash and hash, on a line before the previous hash.
    const metadata = {
      actorId: 'p-1',
      role: 'SECRETARIAT',
      unitId: 'u-1',
      commandId: 'c',
      correlationId: 'r',
      causationId: null,
      recordedAt: '2024-12-02T08:00:00.000Z',
      ruleSetId: 'tdkt-2022',
      hashScheme: 2,
      prevHash: GENESIS_HASH,
      hash: 'not hashed',
    };
    const granted = { streamId: 'award-a1', streamVersion: 1, type: 'AwardGranted', data: { awardId: 'a1' }, metadata };
    expect(eventHash(granted, GENESIS_HASH, 2)).toBe(
      'a37d5605b42750a79d6d101d915df0ad96a40878e24197f5bfc6b3593f9211e4',
    );
  });

  it('stamps scheme 2 on new events and covers their metadata', () => {
    const links = appended(3);
    expect(links.map((l) => l.metadata.hashScheme)).toEqual([2, 2, 2]);
    expect(verifyChain(links)).toEqual({ valid: true, brokenAt: null });
    for (const change of [
      { actorId: 'someone-else' },
      { role: 'INSPECTOR' },
      { ruleSetId: 'tdkt-2013' },
      { recordedAt: '2020-01-01T00:00:00.000Z' },
    ]) {
      const altered = links.map((l, i) => (i === 1 ? { ...l, metadata: { ...l.metadata, ...change } } : l));
      expect(check(altered)).toMatchObject({ version: 2, kind: 'altered' });
    }
  });

  it('keeps verifying scheme 1 events, and a stream that continues them under scheme 2', () => {
    const old = appendedUnderScheme1(2);
    const stream = [...old, ...appended(2, 2, old[1].metadata.hash)];
    expect(verifyChain(stream)).toEqual({ valid: true, brokenAt: null });
    expect(check(stream.map((l, i) => (i === 0 ? { ...l, data: { n: 99 } } : l)))).toMatchObject({
      version: 1,
      kind: 'altered',
    });
    // Scheme 1 never covered metadata: that is why new events use scheme 2.
    expect(
      check(stream.map((l, i) => (i === 0 ? { ...l, metadata: { ...l.metadata, actorId: 'someone-else' } } : l))),
    ).toBeNull();
  });

  it('refuses a scheme it does not know, and a stored recorded time that is not the hashed one', () => {
    const links = appended(2);
    expect(check([links[0], { ...links[1], metadata: { ...links[1].metadata, hashScheme: 7 } }])).toMatchObject({
      version: 2,
      kind: 'altered',
    });
    expect(check([links[0], { ...links[1], recordedAt: '2020-01-01T00:00:00.000Z' }])).toMatchObject({
      version: 2,
      kind: 'altered',
      detail: expect.stringContaining('recorded time'),
    });
  });
});

describe('naming the first event that is not as appended', () => {
  const links = appended(6);

  it('names a missing version, also at the start of the stream', () => {
    expect(check([links[0], links[1], links[3], links[4]])).toMatchObject({ version: 3, kind: 'removed' });
    expect(check(links.slice(2))).toMatchObject({ version: 1, kind: 'removed', detail: 'versions 1–2 are missing' });
  });

  it('names two neighbours that exchanged places', () => {
    expect(check([links[0], links[1], withVersion(links[3], 3), withVersion(links[2], 4), links[4]])).toMatchObject({
      version: 3,
      kind: 'reordered',
    });
    expect(check([links[0], { ...links[1], position: '50' }])).toMatchObject({ version: 2, kind: 'reordered' });
  });

  it('names an inserted event, chained properly or not', () => {
    const forged = { ...appended(1, 2, links[1].metadata.hash)[0], position: '250' }; // a well-formed version 3 after version 2
    const shifted = links.slice(2).map((l) => withVersion(l, l.streamVersion + 1));
    expect(check([links[0], links[1], forged, ...shifted])).toMatchObject({ version: 3, kind: 'inserted' });
    expect(check([links[0], links[1], { ...forged, position: '9000' }, ...shifted])).toMatchObject({
      version: 3,
      kind: 'inserted',
    });
    const naive = { ...forged, metadata: { ...forged.metadata, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) } };
    expect(check([links[0], links[1], naive, ...shifted])).toMatchObject({ version: 3, kind: 'inserted' });
    expect(check([...links, { ...naive, streamVersion: 7, position: '700' }])).toMatchObject({
      version: 7,
      kind: 'inserted',
    });
  });

  it('names an event rewritten and hashed again, and a removal with the later versions renumbered', () => {
    const rewritten = appended(1, 2, links[1].metadata.hash)[0];
    expect(check([links[0], links[1], rewritten, links[3], links[4]])).toMatchObject({
      version: 3,
      kind: 'altered',
      detail: expect.stringContaining('hashed again'),
    });
    const renumbered = links.slice(3).map((l) => withVersion(l, l.streamVersion - 1));
    expect(check([links[0], links[1], ...renumbered])).toMatchObject({ version: 3, kind: 'removed' });
  });

  it('finds nothing in an intact stream continued from a verified point', () => {
    const stream = new StreamChainCheck(STREAM, {
      version: 2,
      hash: links[1].metadata.hash,
      position: links[1].position,
      prevHash: null,
    });
    for (const link of links.slice(2)) stream.add(link);
    expect(stream.finish()).toBeNull();
    expect(stream.verified.version).toBe(6);
  });
});
