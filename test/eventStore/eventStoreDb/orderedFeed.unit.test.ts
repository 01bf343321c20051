import { OrderedFeed } from '../../../src/eventStore/eventStoreDb/orderedFeed';

describe('OrderedFeed: what a subscription hands on, in log order', () => {
  it('hands on events in order, up to a limit per batch, scanned to the last one taken', () => {
    const feed = new OrderedFeed<string>('0', 100);
    feed.pushEvent('a', '10');
    feed.pushEvent('b', '20');
    feed.pushEvent('c', '30');
    expect(feed.take(2)).toEqual({ events: ['a', 'b'], scannedTo: '20', endOfLog: false });
    expect(feed.take(2)).toEqual({ events: ['c'], scannedTo: '30', endOfLog: false });
  });

  it('holds a checkpoint back until the events still buffered ahead of it have arrived', () => {
    const feed = new OrderedFeed<string>('0', 100);
    feed.pushEvent('a', '10');
    // Reported while two events are still in the client's stream buffer.
    feed.pushMarker({ kind: 'checkpoint', position: '50' }, 2);
    expect(feed.take(10)).toEqual({ events: ['a'], scannedTo: '10', endOfLog: false });
    feed.pushEvent('b', '20');
    expect(feed.take(10).scannedTo).toBe('20');
    feed.pushEvent('c', '30');
    feed.pushEvent('d', '60');
    expect(feed.take(10)).toEqual({ events: ['c', 'd'], scannedTo: '60', endOfLog: false });
  });

  it('releases markers held behind the same events in the order they were reported', () => {
    const feed = new OrderedFeed<string>('0', 100);
    feed.pushMarker({ kind: 'checkpoint', position: '15' }, 1);
    feed.pushMarker({ kind: 'caughtUp' }, 1);
    expect(feed.take(10)).toEqual({ events: [], scannedTo: '0', endOfLog: false });
    feed.pushEvent('a', '10');
    expect(feed.take(10)).toEqual({ events: ['a'], scannedTo: '15', endOfLog: true });
  });

  it('reports the end of the log only once everything before caughtUp was taken', () => {
    const feed = new OrderedFeed<string>('5', 100);
    feed.pushEvent('a', '10');
    feed.pushMarker({ kind: 'caughtUp' }, 0);
    expect(feed.take(0)).toEqual({ events: [], scannedTo: '5', endOfLog: false });
    expect(feed.take(1)).toEqual({ events: ['a'], scannedTo: '10', endOfLog: true });
    feed.pushEvent('b', '20');
    expect(feed.atEnd).toBe(false);
    expect(feed.take(1)).toEqual({ events: ['b'], scannedTo: '20', endOfLog: true });
  });

  it('marks the scan past an event the consumer does not want', () => {
    const feed = new OrderedFeed<string>('0', 100);
    feed.pushMarker({ kind: 'checkpoint', position: '25' }, 2);
    feed.pushEvent(null, '20');
    feed.pushEvent('b', '30');
    expect(feed.take(10)).toEqual({ events: ['b'], scannedTo: '30', endOfLog: false });
    expect(feed.fedTo).toBe('30');
  });

  it('pauses the subscription at the high-water mark and resumes it below half of it', () => {
    const pressure: boolean[] = [];
    const feed = new OrderedFeed<number>('0', 4, (paused) => pressure.push(paused));
    for (let i = 1; i <= 5; i++) feed.pushEvent(i, String(i * 10));
    expect(pressure).toEqual([true]);
    feed.take(2);
    expect(pressure).toEqual([true]);
    feed.take(1);
    expect(pressure).toEqual([true, false]);
  });

  it('wakes a waiting consumer on the next item, and rejects it once the feed fails', async () => {
    const feed = new OrderedFeed<string>('0', 10);
    const waiting = feed.ready();
    feed.pushEvent('a', '10');
    await expect(waiting).resolves.toBeUndefined();
    feed.take(10);
    const next = feed.ready();
    feed.fail(new Error('gone'));
    await expect(next).rejects.toThrow('gone');
  });

  it('forgets held markers when the subscription is replaced, and resumes after what was fed', () => {
    const feed = new OrderedFeed<string>('0', 10);
    feed.pushEvent('a', '10');
    feed.pushMarker({ kind: 'checkpoint', position: '40' }, 3);
    feed.dropHeld();
    expect(feed.fedTo).toBe('10');
    feed.pushEvent('b', '20');
    expect(feed.take(10)).toEqual({ events: ['a', 'b'], scannedTo: '20', endOfLog: false });
  });
});
