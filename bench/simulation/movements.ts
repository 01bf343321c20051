/** Each year's emulation movements: the province's, some departments', every district's, a few communes'. */
import { movementDecider } from '../../src/movements/movement.decider';
import { MovementKind } from '../../src/shared/domain';
import type { DistrictInfo } from '../province';
import { MOVEMENT_THEMES } from '../names';
import { DAY, ymd } from './calendar';
import type { Simulation } from './simulation';
import type { YearPlan } from './yearPlan';

interface MovementLaunch {
  year: number;
  launcher: string;
  kind: MovementKind;
  startsOn: string;
  endsOn: string | null;
  theme: string;
  participants: string[];
}

const MOVEMENT_CRITERIA = [
  'Hoàn thành vượt mức chỉ tiêu được giao',
  'Có mô hình, cách làm hay được nhân rộng',
  'Không có vi phạm kỷ luật, kỷ cương hành chính',
  'Ứng dụng công nghệ thông tin trong công việc',
];

export function planMovements(sim: Simulation, year: number, plan: YearPlan): void {
  const { rng, province: p } = sim;
  const launch = (launcher: string, kind: MovementKind, startsOn: string, endsOn: string | null, theme: string) =>
    launchMovement(sim, { year, launcher, kind, startsOn, endsOn, theme, participants: [] });
  const province = p.provinceUnitId;
  const regular = MovementKind.REGULAR;
  plan.regularMovement.set('province', launch(province, regular, ymd(year, 1, 12), null, MOVEMENT_THEMES[0]));
  launch(province, MovementKind.PHASED, ymd(year, 2, 15), ymd(year, 6, 30), MOVEMENT_THEMES[1]);
  launch(province, regular, ymd(year, 3, 2), null, MOVEMENT_THEMES[5]);
  for (const dept of p.departmentIds) {
    if (rng.chance(0.4)) launch(dept, regular, ymd(year, 1, rng.int(13, 28)), null, rng.pick(MOVEMENT_THEMES));
  }
  for (const d of p.districts) planDistrictMovements(sim, year, plan, d);
}

/** A district's regular movement (some with named participants) and its thematic one; some communes' own. */
function planDistrictMovements(sim: Simulation, year: number, plan: YearPlan, d: DistrictInfo): void {
  const { rng } = sim;
  const participants = rng.chance(0.3) ? rng.sample(d.communeIds, Math.min(6, d.communeIds.length)) : [];
  plan.regularMovement.set(
    d.index,
    launchMovement(sim, {
      year,
      launcher: d.unitId,
      kind: MovementKind.REGULAR,
      startsOn: ymd(year, 1, rng.int(12, 14)),
      endsOn: null,
      theme: rng.pick(MOVEMENT_THEMES.slice(0, 3)),
      participants,
    }),
  );
  plan.thematicMovement.set(
    d.index,
    launchMovement(sim, {
      year,
      launcher: d.unitId,
      kind: MovementKind.THEMATIC,
      startsOn: ymd(year, 3, rng.int(1, 10)),
      endsOn: ymd(year, 9, 30),
      theme: rng.pick(MOVEMENT_THEMES.slice(3)),
      participants: [],
    }),
  );
  for (const c of d.communeIds)
    if (rng.chance(0.05))
      launchMovement(sim, {
        year,
        launcher: c,
        kind: MovementKind.REGULAR,
        startsOn: ymd(year, 2, rng.int(1, 25)),
        endsOn: null,
        theme: MOVEMENT_THEMES[7],
        participants: [],
      });
}

/** Schedules the launch (the day before its start) and returns the movement's id. */
function launchMovement(sim: Simulation, movement: MovementLaunch): string {
  const { year, launcher, kind, startsOn, endsOn, participants } = movement;
  const id = `${sim.prefix}pt-${year}-${String(sim.next('movement')).padStart(4, '0')}`;
  const criteria = sim.rng.sample(MOVEMENT_CRITERIA, sim.rng.int(2, 4));
  const name = `${movement.theme} năm ${year}`;
  const at = sim.officeTime(startsOn, startsOn) - DAY;
  const actor = sim.secretariatOf(launcher);
  sim.at(at, () =>
    sim.run(
      at,
      actor,
      'launchMovement',
      () => ({
        input: {
          id,
          name,
          kind,
          launchedByUnitId: launcher,
          startsOn,
          endsOn,
          criteria,
          participantUnitIds: participants,
        },
      }),
      (tx) => {
        tx.decide(movementDecider, tx.load(movementDecider, id), {
          type: 'LaunchMovement',
          data: {
            movementId: id,
            name,
            kind,
            launchedByUnitId: launcher,
            startsOn,
            endsOn,
            criteria,
            participantUnitIds: participants,
            unknownUnitIds: [],
          },
        });
      },
    ),
  );
  return id;
}
