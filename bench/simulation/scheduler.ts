/** The simulation's agenda: what runs when, in time order (ties in the order they were scheduled). */
import type { Step } from './types';

interface Scheduled {
  t: number;
  seq: number;
  run: () => Step | void;
}

function before(x: Scheduled, y: Scheduled): boolean {
  return x.t < y.t || (x.t === y.t && x.seq < y.seq);
}

class MinHeap {
  private readonly items: Scheduled[] = [];

  push(item: Scheduled): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): Scheduled | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l], a[m])) m = l;
        if (r < a.length && before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export class Scheduler {
  private readonly heap = new MinHeap();
  private seq = 0;
  /** The simulated time of the step running now: nothing may be scheduled before it. */
  private clock = 0;

  at(t: number, run: () => Step | void): void {
    if (t < this.clock)
      throw new Error(`scheduled into the past: ${new Date(t).toISOString()} < ${new Date(this.clock).toISOString()}`);
    this.heap.push({ t, seq: this.seq++, run });
  }

  /** Runs everything scheduled, including what runs schedule, and yields the commands in time order. */
  *steps(): Generator<Step> {
    for (let item = this.heap.pop(); item; item = this.heap.pop()) {
      this.clock = item.t;
      const step = item.run();
      if (step) yield step;
    }
  }
}
