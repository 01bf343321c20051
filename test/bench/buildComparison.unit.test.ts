import { compareFigure, median, type Figure } from '../../bench/buildComparison';
import type { BenchResults } from '../../bench/report';

const throughput: Figure = { name: 'x', unit: 'ev/s', higherIsBetter: true, read: (r) => r.rebuild.all?.eventsPerSec };
const latency: Figure = { name: 'y', unit: 'ms', higherIsBetter: false, read: (r) => r.lag?.p99 };
const runs = (values: number[], key: 'rebuild' | 'lag'): BenchResults[] =>
  values.map(
    (v) =>
      (key === 'rebuild' ? { rebuild: { all: { eventsPerSec: v } } } : { lag: { p99: v } }) as unknown as BenchResults,
  );

describe('comparing two builds’ benchmark figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('holds within 10% and fails beyond, for throughput', () => {
    expect(compareFigure(throughput, runs([100, 102, 98], 'rebuild'), runs([92, 91, 95], 'rebuild')).verdict).toBe(
      'holds',
    );
    const worse = compareFigure(throughput, runs([100, 102, 98], 'rebuild'), runs([85, 88, 80], 'rebuild'));
    expect(worse.verdict).toBe('worse');
    expect(worse.change).toBeCloseTo(-0.15);
  });

  it('counts a longer latency as worse', () => {
    const slower = compareFigure(latency, runs([10, 10.5, 9.8], 'lag'), runs([12, 12.5, 13], 'lag'));
    expect(slower.verdict).toBe('worse');
    expect(slower.change).toBeCloseTo(-0.25);
  });

  it('reports, without judging, a figure whose baseline spreads more than 10%', () => {
    const spread = compareFigure(throughput, runs([100, 130, 80], 'rebuild'), runs([50, 50, 50], 'rebuild'));
    expect(spread.verdict).toBe('reported, not judged');
  });

  it('says when a figure was not measured', () => {
    expect(compareFigure(throughput, runs([100], 'rebuild'), runs([], 'rebuild')).verdict).toBe('not measured');
  });
});
