import { canonicalJson } from '../../src/eventStore/hashChain';
import type { AwardShapeCount, MovementShapeCount } from '../../projections/yearlyTotals/reportForms.queries';
import { periodDays } from '../../projections/yearlyTotals/reportForms.queries';
import { SubjectKind, type Period } from '../../src/shared/domain';
import { UNITS, type GeneratedEvent } from './randomHistory';

/** The unit, the units below it, and the units merged into any of them (UnitMerged in the history). */
function subtreeOf(history: GeneratedEvent[], unitId: string | null): Set<string> | null {
  if (unitId === null) return null;
  const links = UNITS.filter((u) => u.parent !== null).map((u) => ({ id: u.id, into: u.parent! }));
  for (const e of history)
    if (e.type === 'UnitMerged') links.push({ id: e.data.unitId as string, into: e.data.intoUnitId as string });
  const inside = new Set([unitId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of links) if (inside.has(l.into) && !inside.has(l.id)) grew = inside.add(l.id) !== null;
  }
  return inside;
}

function tally<T extends { count: number }>(items: Array<Omit<T, 'count'>>): T[] {
  const counts = new Map<string, T>();
  for (const item of items) {
    const key = JSON.stringify(item);
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { ...item, count: 1 } as T);
  }
  return [...counts.values()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The award shapes of a period, folded from the generated events one award at a time. */
export function expectedAwardShapes(
  history: GeneratedEvent[],
  period: Period,
  unitId: string | null,
): AwardShapeCount[] {
  const inside = subtreeOf(history, unitId);
  const revoked = new Set(history.filter((e) => e.type === 'AwardRevoked').map((e) => e.data.awardId));
  const granted = history.filter((e) => e.type === 'AwardGranted').map((e) => e.data as any);
  return tally<AwardShapeCount>(
    granted
      .filter((a) => a.period.kind === period.kind && a.period.year === period.year && !revoked.has(a.awardId))
      .filter((a) => inside === null || inside.has(a.subjectUnitId))
      .map((a) => ({
        award: a.award,
        individual: a.subject.kind === SubjectKind.INDIVIDUAL,
        directWorker: a.subject.kind === SubjectKind.INDIVIDUAL && a.directWorker,
        method: a.thematic ? 'THEMATIC' : a.movementId === null ? 'SUDDEN' : 'REGULAR',
      })),
  );
}

/** Whole months from `from` to `to`, counted on the calendar. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The movement shapes of a period, folded from the generated events. */
export function expectedMovementShapes(
  history: GeneratedEvent[],
  period: Period,
  unitId: string | null,
): MovementShapeCount[] {
  const inside = subtreeOf(history, unitId);
  const { from, to } = periodDays(period);
  const levels = new Map(UNITS.map((u) => [u.id, u.level as string]));
  const launched = history.filter((e) => e.type === 'MovementLaunched').map((e) => e.data as any);
  return tally<MovementShapeCount>(
    launched
      .filter((m) => m.startsOn >= from && m.startsOn <= to)
      .filter((m) => inside === null || inside.has(m.launchedByUnitId))
      .map((m) => ({
        level: levels.get(m.launchedByUnitId)!,
        kind: m.kind,
        months: m.endsOn === null ? null : monthsBetween(m.startsOn, dayAfter(m.endsOn)),
      })),
  );
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The latest workforce figures per unit of the subtree for a year, as canonical JSON, sorted. */
export function expectedWorkforce(history: GeneratedEvent[], year: number, unitId: string | null): string[] {
  const inside = subtreeOf(history, unitId);
  const latest = new Map<string, unknown>();
  for (const e of history)
    if (
      e.type === 'WorkforceReported' &&
      e.data.year === year &&
      (inside === null || inside.has(e.data.unitId as string))
    )
      latest.set(e.data.unitId as string, e.data.figures);
  return [...latest.values()].map((f) => canonicalJson(f)).sort();
}
