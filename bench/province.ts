/**
 * The organisation of one generated province: units (province, departments, districts
 * with their offices, communes, schools and villages), people with Vietnamese names,
 * emulation clusters and the councils. Built deterministically from a seed and a scale
 * (1 = the full province: ~2,000 units, ~100,000 people, ~100 clusters). Its parts are
 * built in bench/organisation/.
 */
import { buildClusters } from './organisation/clusters';
import { buildCouncils } from './organisation/councils';
import { staffUnits } from './organisation/people';
import type { ClusterInfo, Province } from './organisation/types';
import { buildUnitTree } from './organisation/units';
import { Random } from './random';

export { personName } from './organisation/people';
export type {
  Actor,
  ClusterInfo,
  CouncilInfo,
  DistrictInfo,
  PersonInfo,
  Province,
  UnitInfo,
  UnitRole,
} from './organisation/types';

export function buildProvince(seed: number, scale: number, prefix = ''): Province {
  const rng = new Random(seed ^ 0x5eed);
  const tree = buildUnitTree(rng, scale, prefix);
  const { units, unitById, province, departments, districts, deptSubs } = tree;
  const people = staffUnits(rng, units, scale, prefix);
  const personById = new Map(people.map((person) => [person.id, person]));
  const nameOf = (id: string) => personById.get(id)!.fullName;
  const provinceCouncil = buildCouncils(province, departments, districts, unitById, nameOf);
  const clusters = buildClusters(rng, Math.max(1, Math.round(100 * scale)), tree, prefix);
  const clusterOfUnit = new Map<string, ClusterInfo>();
  for (const cluster of clusters) for (const id of cluster.memberIds) clusterOfUnit.set(id, cluster);
  return {
    prefix,
    scale,
    units,
    unitById,
    people,
    personById,
    provinceUnitId: province.id,
    homeAffairsId: departments[0].id,
    departmentIds: departments.map((d) => d.id),
    deptSubIds: deptSubs.map((d) => d.id),
    districts,
    clusters,
    provinceCouncil,
    clusterOfUnit,
  };
}
