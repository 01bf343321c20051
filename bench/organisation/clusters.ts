/**
 * Emulation clusters and blocs: each district's communes, schools and offices, the
 * province's departments, its public-service units and the districts themselves, cut
 * into groups of 6–15; every commune bloc first, then the others at random.
 */
import { ClusterKind } from '../../src/shared/domain';
import type { Random } from '../random';
import type { ClusterInfo, DistrictInfo, UnitInfo } from './types';

interface Group {
  name: string;
  kind: ClusterKind;
  organizer: string;
  members: string[];
}

export interface ClusterUnits {
  province: UnitInfo;
  departments: UnitInfo[];
  deptSubs: UnitInfo[];
  districts: DistrictInfo[];
  unitById: Map<string, UnitInfo>;
}

const COMMUNE_BLOC = 'Khối thi đua các xã';

export function buildClusters(rng: Random, wanted: number, from: ClusterUnits, prefix: string): ClusterInfo[] {
  const groups = groupsOf(rng, from);
  // Every district's communes first (they are the classic blocs), then the rest at random.
  const communeBlocs = groups.filter((g) => g.name.startsWith(COMMUNE_BLOC));
  const others = rng.shuffle(groups.filter((g) => !g.name.startsWith(COMMUNE_BLOC)));
  const chosen = [...communeBlocs, ...others].slice(0, wanted);
  if (chosen.length === 0) {
    // A very small province: one bloc of whatever units there are.
    const ids = [
      ...from.districts.flatMap((d) => [...d.communeIds, ...d.schoolIds]),
      ...from.departments.slice(1).map((u) => u.id),
    ].slice(0, 6);
    chosen.push({ name: 'Khối thi đua chung', kind: ClusterKind.BLOC, organizer: from.province.id, members: ids });
  }
  return chosen
    .map((g, i) => ({
      id: `${prefix}cum-${String(i + 1).padStart(3, '0')}`,
      name: g.name,
      kind: g.kind,
      organizerUnitId: g.organizer,
      memberIds: g.members,
      strength: new Map(
        g.members.map((id) => [id, Math.min(1, Math.max(0, 0.5 + (rng.next() + rng.next() + rng.next() - 1.5) / 1.5))]),
      ),
    }))
    .filter((c) => c.memberIds.every((id) => from.unitById.has(id)));
}

/** Every candidate group, in order: each district's, then the province's. */
function groupsOf(rng: Random, from: ClusterUnits): Group[] {
  const groups: Group[] = [];
  const chunk = (ids: string[], name: string, kind: ClusterKind, organizer: string) => {
    const list = [...ids];
    let part = 1;
    while (list.length >= 4) {
      const size = list.length <= 15 ? list.length : Math.min(list.length - 4, rng.int(6, 14));
      const members = list.splice(0, size);
      groups.push({ name: part === 1 && list.length === 0 ? name : `${name} (${part})`, kind, organizer, members });
      part++;
    }
  };
  for (const d of from.districts) {
    chunk(d.communeIds, `${COMMUNE_BLOC} huyện ${d.name}`, ClusterKind.BLOC, d.unitId);
    chunk(d.schoolIds, `Cụm thi đua các trường học huyện ${d.name}`, ClusterKind.CLUSTER, d.unitId);
    chunk(d.officeIds.slice(1), `Khối các phòng, ban huyện ${d.name}`, ClusterKind.BLOC, d.unitId);
  }
  const province = from.province.id;
  const departments = from.departments.slice(1).map((u) => u.id);
  chunk(departments, 'Khối các sở, ban, ngành tỉnh', ClusterKind.BLOC, province);
  const deptSubs = from.deptSubs.map((u) => u.id);
  chunk(deptSubs, 'Cụm các đơn vị sự nghiệp trực thuộc tỉnh', ClusterKind.CLUSTER, province);
  const districts = from.districts.map((d) => d.unitId);
  chunk(districts, 'Khối thi đua các huyện, thị xã, thành phố', ClusterKind.BLOC, province);
  return groups;
}
