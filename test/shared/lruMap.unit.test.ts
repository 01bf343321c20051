import { LruMap } from '../../src/shared/lruMap';

describe('LruMap', () => {
  it('given a full map, when a key is read and another added, then the least recently used one is dropped', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // 'b' is now the least recently used
    map.set('c', 3);
    expect([map.peek('a'), map.peek('b'), map.peek('c')]).toEqual([1, undefined, 3]);
    expect(map.size).toBe(2);
  });

  it('does not count a peek as a use', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.peek('a')).toBe(1);
    map.set('c', 3);
    expect([map.peek('a'), map.peek('b')]).toEqual([undefined, 2]);
  });

  it('replaces a value in place and forgets deleted keys', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 5);
    map.set('b', 2);
    expect(map.size).toBe(2);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
    map.clear();
    expect(map.size).toBe(0);
  });
});
