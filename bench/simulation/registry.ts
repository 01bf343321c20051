/** The first days of the first year: units in tree order, then people, then the clusters formed. */
import { clusterDecider } from '../../src/clusters/cluster.decider';
import { personDecider } from '../../src/people/person.decider';
import { SubjectKind } from '../../src/shared/domain';
import { unitDecider } from '../../src/units/unit.decider';
import type { Actor, ClusterInfo, PersonInfo, UnitInfo } from '../province';
import { DAY, dayStart, MINUTE, ymd } from './calendar';
import type { Simulation } from './simulation';
import type { Step } from './types';

export function planRegistry(sim: Simulation, year: number): void {
  const p = sim.province;
  // The administrator keeps the catalogue of units; the province's standing agency registers people and forms clusters.
  const admin: Actor = { actorId: 'bench-admin', role: 'ADMIN', unitId: null };
  const secretariat = p.provinceCouncil.secretariat;
  // Units in tree order (parents first), one after another on Jan 2–5, then people on Jan 6–12.
  // Every unit's command is recorded at the instant after the last unit's turn.
  const unitsFrom = dayStart(ymd(year, 1, 2)) + 60 * MINUTE;
  const unitStep = Math.max(1, Math.floor((3 * DAY) / Math.max(1, p.units.length)));
  const unitsRecordedAt = unitsFrom + p.units.length * unitStep;
  p.units.forEach((unit, i) => {
    sim.at(unitsFrom + i * unitStep, () => registerUnit(sim, unitsRecordedAt, admin, unit));
  });
  const from = dayStart(ymd(year, 1, 6));
  const span = 6 * DAY;
  p.people.forEach((person, i) => {
    const at = from + Math.floor((span * i) / p.people.length);
    sim.at(at, () => registerPerson(sim, at, secretariat, person));
  });
  for (const cluster of p.clusters) {
    const at = sim.officeTime(ymd(year, 1, 30), ymd(year, 2, 3));
    sim.at(at, () => formCluster(sim, at, secretariat, cluster));
  }
}

function registerUnit(sim: Simulation, at: number, actor: Actor, unit: UnitInfo): Step {
  return sim.run(
    at,
    actor,
    'registerUnit',
    () => ({
      input: {
        id: unit.id,
        name: unit.name,
        kind: unit.kind,
        level: unit.level,
        parentUnitId: unit.parentId,
        sector: unit.sector,
        small: unit.small,
      },
    }),
    (tx) => {
      const parent = unit.parentId ? tx.load(unitDecider, unit.parentId).state : null;
      tx.decide(unitDecider, tx.load(unitDecider, unit.id), {
        type: 'RegisterUnit',
        data: {
          unitId: unit.id,
          name: unit.name,
          kind: unit.kind,
          level: unit.level,
          parentUnitId: unit.parentId,
          parentExists: parent !== null && parent.status !== 'NONE',
          parentLevel: parent && parent.status !== 'NONE' ? parent.level : null,
          sector: unit.sector,
          small: unit.small,
        },
      });
    },
  );
}

function registerPerson(sim: Simulation, at: number, actor: Actor, person: PersonInfo): Step {
  return sim.run(
    at,
    actor,
    'registerPerson',
    () => ({
      input: {
        id: person.id,
        fullName: person.fullName,
        unitId: person.unitId,
        position: person.position,
        directWorker: person.directWorker,
        female: person.female,
      },
    }),
    (tx) => {
      const unit = tx.load(unitDecider, person.unitId).state;
      tx.decide(personDecider, tx.load(personDecider, person.id), {
        type: 'RegisterPerson',
        data: {
          personId: person.id,
          fullName: person.fullName,
          unitId: person.unitId,
          unitExists: unit.status !== 'NONE',
          unitName: unit.status !== 'NONE' ? unit.name : '',
          position: person.position,
          directWorker: person.directWorker,
          female: person.female,
        },
      });
    },
  );
}

function formCluster(sim: Simulation, at: number, actor: Actor, cluster: ClusterInfo): Step {
  return sim.run(
    at,
    actor,
    'formCluster',
    () => ({
      input: {
        id: cluster.id,
        name: cluster.name,
        kind: cluster.kind,
        organizerUnitId: cluster.organizerUnitId,
        memberUnitIds: cluster.memberIds,
      },
    }),
    (tx) => {
      const members = cluster.memberIds.map((unitId) => ({
        unitId,
        unitName: sim.subjectOf(SubjectKind.COLLECTIVE, unitId).name,
      }));
      tx.decide(clusterDecider, tx.load(clusterDecider, cluster.id), {
        type: 'FormCluster',
        data: {
          clusterId: cluster.id,
          name: cluster.name,
          kind: cluster.kind,
          organizerUnitId: cluster.organizerUnitId,
          members,
          unknownUnitIds: [],
        },
      });
    },
  );
}
