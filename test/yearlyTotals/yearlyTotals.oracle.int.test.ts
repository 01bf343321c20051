import { yearlyTotalsProjection } from '../../projections/yearlyTotals/yearlyTotals.projection';
import {
  getYearlyTotals,
  getYearlyTotalsSeries,
  type YearlyTotalsRow,
} from '../../projections/yearlyTotals/yearlyTotals.queries';
import { Expected, type StreamAppend } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import { ComplaintStatus, PeriodKind, addDays, type IsoDate } from '../../src/shared/domain';
import type { TestDatabase } from '../support/database';
import { testMetadata } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';
import { caughtUp } from '../support/until';
import { mulberry32, Random } from '../../bench/random';
import {
  awardShapesOfPeriod,
  movementShapesOfPeriod,
  workforceFiguresOfYear,
} from '../../projections/yearlyTotals/reportForms.queries';
import { canonicalJson } from '../../src/eventStore/hashChain';
import { expectedAwardShapes, expectedMovementShapes, expectedWorkforce } from './reportFormsOracle';
import { UNITS, expectedTotals, fold, generateHistory, type GeneratedEvent, type World } from './randomHistory';

/**
 * An oracle test: thousands of random but valid events (seeded), folded in memory with
 * plain TypeScript into the totals the definitions ask for, compared with what the
 * projection and its queries answer — for every unit, both period kinds and many years,
 * after following the log in small batches and again after a rebuild in large ones.
 */
const SEED = Number(process.env.YEARLY_TOTALS_ORACLE_SEED ?? 20240601);
const STEPS = Number(process.env.YEARLY_TOTALS_ORACLE_STEPS ?? 3000);
/** The day the questions are asked: calendar 2025 and school year 2024-2025 are still running. */
const TODAY = '2025-06-15';
const YEARS = { from: 2019, to: 2027 };

// ---------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------

describe('yearly totals against an in-memory oracle over a random history', () => {
  let log: TestLog;
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ProjectionRunner | undefined;
  let history: GeneratedEvent[];
  let world: World;
  const scopes: Array<string | null> = [null, ...UNITS.map((u) => u.id)];
  const kinds = [PeriodKind.CALENDAR_YEAR, PeriodKind.SCHOOL_YEAR];
  const years = Array.from({ length: YEARS.to - YEARS.from + 1 }, (_, i) => YEARS.from + i);

  /** Every (kind, year, unit) answer of the query functions, in a fixed order. */
  async function answers(): Promise<YearlyTotalsRow[]> {
    const all: YearlyTotalsRow[] = [];
    for (const kind of kinds)
      for (const year of years)
        for (const unitId of scopes) all.push(await getYearlyTotals(db.pool, { kind, year }, unitId, TODAY));
    return all;
  }
  const expected = () =>
    kinds.flatMap((kind) =>
      years.flatMap((year) => scopes.map((unitId) => expectedTotals(world, { kind, year }, unitId, TODAY))),
    );

  async function follow(batchSize: number): Promise<ProjectionRunner> {
    const r = new ProjectionRunner(db.pool, store, [yearlyTotalsProjection], { batchSize });
    await r.start();
    await caughtUp(r, await store.lastCommittedPosition(), { timeoutMs: 120_000 });
    return r;
  }

  beforeAll(async () => {
    log = await createTestLog({ pollIntervalMs: 20 });
    ({ db, store } = log);
    history = generateHistory(SEED, STEPS);
    world = fold(history);
    // Appended in log order, many streams per transaction, each stream at its exact version.
    const versions = new Map<string, number>();
    for (let i = 0; i < history.length; i += 2000) {
      const appends: StreamAppend[] = [];
      for (const e of history.slice(i, i + 2000)) {
        const last = appends[appends.length - 1];
        const event = {
          type: e.type,
          data: e.data,
          metadata: testMetadata({ recordedAt: e.recordedAt, actorId: 'generator' }),
        };
        if (last && last.streamId === e.streamId) last.events.push(event);
        else
          appends.push({
            streamId: e.streamId,
            expected: Expected.version(versions.get(e.streamId) ?? 0),
            events: [event],
          });
        versions.set(e.streamId, (versions.get(e.streamId) ?? 0) + 1);
      }
      await store.appendToStreams(appends);
    }
  }, 300_000);
  afterAll(async () => {
    await runner?.stop();
    await log.drop();
  });

  it('generates a varied history', () => {
    const types = new Map<string, number>();
    for (const e of history) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    expect(history.length).toBeGreaterThan(STEPS);
    for (const type of yearlyTotalsProjection.eventTypes!) expect(types.get(type) ?? 0).toBeGreaterThan(0);
    // Enough of every interesting case for the comparison to mean something.
    expect(world.awards.filter((a) => a.revoked).length).toBeGreaterThan(5);
    expect(world.dossiers.filter((d) => d.withdrawn && (d.returned || d.eligible !== null)).length).toBeGreaterThan(3);
    expect(
      world.complaints.filter((c) => c.status === ComplaintStatus.RESOLVED && c.closedOn! > c.dueOn!).length,
    ).toBeGreaterThan(3);
    expect(world.complaints.filter((c) => c.unitId === null).length).toBe(0);
    const overdueSomewhere = expected().filter((t) => t.unitId === null && t.complaints.overdue > 0);
    expect(overdueSomewhere.length).toBeGreaterThan(2);
  });

  it('answers, for every unit, both period kinds and every year, what the oracle folds from the same events', async () => {
    runner = await follow(37); // small batches: entities change across many batches
    const got = await answers();
    const want = expected();
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++)
      expect({ at: [want[i].period, want[i].unitId], ...got[i] }).toEqual({
        at: [want[i].period, want[i].unitId],
        ...want[i],
      });
  }, 300_000);

  it("counts the statistics forms' award and movement shapes as the oracle does, per unit, kind and year", async () => {
    const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    let awardsSeen = 0;
    let movementsSeen = 0;
    for (const kind of kinds)
      for (const year of years)
        for (const unitId of scopes) {
          const awards = await awardShapesOfPeriod(db.pool, { kind, year }, unitId);
          expect(sorted(awards)).toEqual(expectedAwardShapes(history, { kind, year }, unitId));
          const movements = await movementShapesOfPeriod(db.pool, { kind, year }, unitId);
          expect(sorted(movements)).toEqual(expectedMovementShapes(history, { kind, year }, unitId));
          awardsSeen += awards.length;
          movementsSeen += movements.length;
        }
    let reportsSeen = 0;
    for (const year of years)
      for (const unitId of scopes) {
        const figures = await workforceFiguresOfYear(db.pool, year, unitId);
        expect(figures.map((f) => canonicalJson(f)).sort()).toEqual(expectedWorkforce(history, year, unitId));
        reportsSeen += figures.length;
      }
    expect(reportsSeen).toBeGreaterThan(8);
    expect(awardsSeen).toBeGreaterThan(50);
    expect(movementsSeen).toBeGreaterThan(20);
  }, 120_000);

  it('answers a series per unit and kind with one call, as the oracle does year by year', async () => {
    for (const kind of kinds) {
      for (const unitId of scopes) {
        const series = await getYearlyTotalsSeries(db.pool, kind, YEARS.from, YEARS.to, unitId, TODAY);
        expect(series).toEqual(years.map((year) => expectedTotals(world, { kind, year }, unitId, TODAY)));
      }
    }
  }, 120_000);

  it('judges "overdue" right on the deadlines: asked on the days around receipt + 10, due dates and closings', async () => {
    const rng = new Random(SEED + 1, mulberry32);
    const boundaries = new Set<IsoDate>();
    for (const c of world.complaints) {
      boundaries.add(addDays(c.receivedOn, 10)).add(addDays(c.receivedOn, 11));
      if (c.acceptedOn) boundaries.add(c.acceptedOn);
      if (c.dueOn) boundaries.add(c.dueOn).add(addDays(c.dueOn, 1));
      if (c.closedOn) boundaries.add(c.closedOn);
    }
    const days = [...boundaries].sort();
    const sample = Array.from({ length: 40 }, () => rng.pick(days));
    let compared = 0;
    for (const today of sample) {
      for (const kind of kinds) {
        for (const unitId of [null, 'huyen-a', 'xa-b1']) {
          const series = await getYearlyTotalsSeries(db.pool, kind, YEARS.from, YEARS.to, unitId, today);
          expect(series.map((s) => [s.period.year, s.complaints])).toEqual(
            years.map((year) => [year, expectedTotals(world, { kind, year }, unitId, today).complaints]),
          );
          compared += series.filter((s) => s.complaints.overdue > 0).length;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  }, 120_000);

  it('rebuilds (in large batches) into identical answers and tables, quickly', async () => {
    const tables = async () => {
      const read = async (sql: string) => (await db.pool.query(sql)).rows;
      return {
        awards: await read(
          'SELECT * FROM yearly_totals.award_totals ORDER BY period_kind, period_year, unit_id, award',
        ),
        dossiers: await read('SELECT * FROM yearly_totals.dossier_totals ORDER BY period_kind, period_year, unit_id'),
        days: await read(
          'SELECT * FROM yearly_totals.dossier_decision_days ORDER BY period_kind, period_year, unit_id, days',
        ),
        complaints: await read('SELECT * FROM yearly_totals.complaints ORDER BY complaint_id'),
        awardRows: await read('SELECT * FROM yearly_totals.awards ORDER BY award_id'),
        movements: await read('SELECT * FROM yearly_totals.movements ORDER BY movement_id'),
        units: await read('SELECT * FROM yearly_totals.units ORDER BY unit_id'),
        workforce: await read('SELECT * FROM yearly_totals.workforce_reports ORDER BY unit_id, year'),
      };
    };
    const before = await answers();
    const tablesBefore = await tables();
    await runner!.stop();
    runner = await follow(1000);
    const handled = history.filter((e) =>
      (yearlyTotalsProjection.eventTypes as readonly string[]).includes(e.type),
    ).length;
    const started = process.hrtime.bigint();
    await runner.rebuild('yearly_totals');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const state = await db.pool.query(
      `SELECT generation, events_applied FROM projection_state WHERE name = 'yearly_totals' AND status = 'active'`,
    );
    expect(state.rows[0]).toMatchObject({ generation: 2, events_applied: String(handled) });
    expect(await answers()).toEqual(before);
    expect(await tables()).toEqual(tablesBefore);
    process.stdout.write(
      `yearly_totals rebuild: ${handled} events in ${seconds.toFixed(2)} s (${Math.round(handled / seconds)} events/s)\n`,
    );
  }, 300_000);
});
