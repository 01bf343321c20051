/**
 * The organisation of one generated province: units (province, departments, districts
 * with their offices, communes, schools and villages), people with Vietnamese names,
 * emulation clusters and the councils. Built deterministically from a seed and a scale
 * (1 = the full province of DOMAIN.md: ~2,000 units, ~100,000 people, ~100 clusters).
 */
import { AuthorityLevel, ClusterKind, UnitKind } from '../src/shared/domain';
import type { Role } from '../src/identity';
import {
  COMMUNE_FIRST,
  COMMUNE_SECOND,
  DEPARTMENTS,
  DEPT_SUBUNIT_KINDS,
  DISTRICTS,
  FAMILY_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MIDDLE_FEMALE,
  MIDDLE_MALE,
  NAMESAKES,
  OFFICES,
  PROVINCE_NAME,
  SCHOOL_KINDS,
} from './names';
import { Random } from './random';

export type UnitRole = 'province' | 'department' | 'deptSub' | 'district' | 'office' | 'commune' | 'school' | 'village';

export interface UnitInfo {
  id: string;
  name: string;
  kind: UnitKind;
  level: AuthorityLevel;
  parentId: string | null;
  sector: string | null;
  small: boolean;
  role: UnitRole;
  /** Index of the district whose subtree holds the unit; null for province-level units. */
  district: number | null;
  remote: boolean;
  people: string[];
}

export interface PersonInfo {
  id: string;
  fullName: string;
  unitId: string;
  position: string | null;
  directWorker: boolean;
  female: boolean;
}

export interface ClusterInfo {
  id: string;
  name: string;
  kind: ClusterKind;
  organizerUnitId: string;
  memberIds: string[];
  /** How strong each member is (0–1): drives scores, so rankings are stable but not fixed. */
  strength: Map<string, number>;
}

export interface Actor {
  actorId: string;
  role: Role;
  unitId: string | null;
}

export interface CouncilInfo {
  code: string;
  /** The People's Committee the council belongs to (councilUnitId, and the issuer of its decisions). */
  unitId: string;
  memberIds: string[];
  secretariat: Actor;
  /** The chairman, who signs the decisions. */
  signerName: string;
  district: number | null;
}

export interface DistrictInfo {
  index: number;
  name: string;
  remote: boolean;
  unitId: string;
  homeAffairsId: string;
  educationId: string;
  officeIds: string[];
  communeIds: string[];
  schoolIds: string[];
  villageIds: string[];
  council: CouncilInfo;
}

export interface Province {
  prefix: string;
  scale: number;
  units: UnitInfo[];
  unitById: Map<string, UnitInfo>;
  people: PersonInfo[];
  personById: Map<string, PersonInfo>;
  provinceUnitId: string;
  homeAffairsId: string;
  departmentIds: string[];
  deptSubIds: string[];
  districts: DistrictInfo[];
  clusters: ClusterInfo[];
  provinceCouncil: CouncilInfo;
  /** Units in the clusters, with their cluster. */
  clusterOfUnit: Map<string, ClusterInfo>;
}

const PEOPLE_WEIGHT: Record<UnitRole, number> = {
  province: 40,
  department: 40,
  deptSub: 30,
  district: 40,
  office: 20,
  commune: 60,
  school: 22,
  village: 10,
};
const PEOPLE_MIN: Record<UnitRole, number> = {
  province: 4,
  department: 2,
  deptSub: 1,
  district: 4,
  office: 2,
  commune: 2,
  school: 1,
  village: 1,
};

export function personName(rng: Random, female: boolean): string {
  const family = rng.weighted(FAMILY_NAMES);
  const middle = rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${middle} ${given}`;
}

export function buildProvince(seed: number, scale: number, prefix = ''): Province {
  const rng = new Random(seed ^ 0x5eed);
  const units: UnitInfo[] = [];
  const unitById = new Map<string, UnitInfo>();
  let unitSeq = 0;
  const addUnit = (u: Omit<UnitInfo, 'id' | 'people'>): UnitInfo => {
    const unit: UnitInfo = { ...u, id: `${prefix}u-${String(++unitSeq).padStart(5, '0')}`, people: [] };
    units.push(unit);
    unitById.set(unit.id, unit);
    return unit;
  };

  const departmentCount = Math.max(2, Math.round(25 * scale));
  const districtCount = Math.max(2, Math.round(10 * scale));
  const officesPerDistrict = Math.max(2, Math.min(OFFICES.length, Math.round(20 * scale)));
  const targetUnits = Math.max(24, Math.round(2000 * scale));

  const province = addUnit({
    name: `UBND tỉnh ${PROVINCE_NAME}`,
    kind: UnitKind.PEOPLES_COMMITTEE,
    level: AuthorityLevel.PROVINCE,
    parentId: null,
    sector: null,
    small: false,
    role: 'province',
    district: null,
    remote: false,
  });
  const departments: UnitInfo[] = [];
  for (let i = 0; i < departmentCount; i++) {
    const base = DEPARTMENTS[i % DEPARTMENTS.length];
    const name =
      i < DEPARTMENTS.length
        ? `${base} tỉnh ${PROVINCE_NAME}`.replace('tỉnh tỉnh', 'tỉnh')
        : `${base} (${Math.floor(i / DEPARTMENTS.length) + 1})`;
    departments.push(
      addUnit({
        name,
        kind: UnitKind.AGENCY,
        level: AuthorityLevel.PROVINCE,
        parentId: province.id,
        sector: i === 1 ? 'Giáo dục' : i === 2 ? 'Y tế' : null,
        small: false,
        role: 'department',
        district: null,
        remote: false,
      }),
    );
  }
  const fixed = 1 + departmentCount + districtCount * (1 + officesPerDistrict);
  const rest = Math.max(0, targetUnits - fixed);
  const communeCount = Math.max(2 * districtCount, Math.round(0.17 * rest));
  const villageCount = Math.round(0.23 * rest);
  const schoolCount = Math.max(districtCount, Math.round(0.4 * rest));
  const deptSubCount = Math.max(0, rest - communeCount - villageCount - schoolCount);

  const districts: DistrictInfo[] = [];
  for (let d = 0; d < districtCount; d++) {
    const [baseName, remote] = DISTRICTS[d % DISTRICTS.length];
    const name = d < DISTRICTS.length ? baseName : `${baseName} ${Math.floor(d / DISTRICTS.length) + 1}`;
    const districtUnit = addUnit({
      name: `UBND huyện ${name}`,
      kind: UnitKind.PEOPLES_COMMITTEE,
      level: AuthorityLevel.DISTRICT,
      parentId: province.id,
      sector: null,
      small: false,
      role: 'district',
      district: d,
      remote,
    });
    const offices: UnitInfo[] = [];
    for (let o = 0; o < officesPerDistrict; o++) {
      offices.push(
        addUnit({
          name: `${OFFICES[o]} huyện ${name}`,
          kind: UnitKind.AGENCY,
          level: AuthorityLevel.UNIT,
          parentId: districtUnit.id,
          sector: o === 1 ? 'Giáo dục' : null,
          small: false,
          role: 'office',
          district: d,
          remote,
        }),
      );
    }
    districts.push({
      index: d,
      name,
      remote,
      unitId: districtUnit.id,
      homeAffairsId: offices[0].id,
      educationId: offices[1].id,
      officeIds: offices.map((o) => o.id),
      communeIds: [],
      schoolIds: [],
      villageIds: [],
      council: undefined as unknown as CouncilInfo,
    });
  }
  const usedCommuneNames = new Set<string>();
  for (let c = 0; c < communeCount; c++) {
    const district = districts[c % districtCount];
    let name = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      name = `${rng.pick(COMMUNE_FIRST)} ${rng.pick(COMMUNE_SECOND)}`;
      if (!usedCommuneNames.has(`${district.index}:${name}`)) break;
    }
    if (usedCommuneNames.has(`${district.index}:${name}`)) name = `${name} ${c}`;
    usedCommuneNames.add(`${district.index}:${name}`);
    const commune = addUnit({
      name: `UBND xã ${name}`,
      kind: UnitKind.PEOPLES_COMMITTEE,
      level: AuthorityLevel.COMMUNE,
      parentId: district.unitId,
      sector: null,
      small: false,
      role: 'commune',
      district: district.index,
      remote: district.remote,
    });
    district.communeIds.push(commune.id);
  }
  for (let v = 0; v < villageCount; v++) {
    const district = districts[v % districtCount];
    const communeId = rng.pick(district.communeIds);
    const commune = unitById.get(communeId)!;
    const village = addUnit({
      name: `Thôn ${v + 1} ${commune.name.replace('UBND xã ', 'xã ')}`,
      kind: UnitKind.VILLAGE,
      level: AuthorityLevel.UNIT,
      parentId: communeId,
      sector: 'Nông nghiệp',
      small: true,
      role: 'village',
      district: district.index,
      remote: district.remote,
    });
    district.villageIds.push(village.id);
  }
  for (let s = 0; s < schoolCount; s++) {
    const district = districts[s % districtCount];
    const kind = rng.pick(SCHOOL_KINDS);
    const namesake = rng.chance(0.6)
      ? rng.pick(NAMESAKES)
      : unitById.get(rng.pick(district.communeIds))!.name.replace('UBND xã ', '');
    const school = addUnit({
      name: `${kind} ${namesake}, huyện ${district.name}`,
      kind: UnitKind.SCHOOL,
      level: AuthorityLevel.UNIT,
      parentId: district.educationId,
      sector: 'Giáo dục',
      small: rng.chance(0.3),
      role: 'school',
      district: district.index,
      remote: district.remote,
    });
    district.schoolIds.push(school.id);
  }
  const deptSubs: UnitInfo[] = [];
  const subParents = departments.filter((d) => Object.keys(DEPT_SUBUNIT_KINDS).some((k) => d.name.startsWith(k)));
  for (let i = 0; i < deptSubCount; i++) {
    const parent = subParents.length > 0 ? subParents[i % subParents.length] : departments[i % departments.length];
    const kindName = Object.entries(DEPT_SUBUNIT_KINDS).find(([k]) => parent.name.startsWith(k))?.[1] ?? 'Trung tâm';
    const place = rng.chance(0.5) ? rng.pick(NAMESAKES) : districts[i % districtCount].name;
    deptSubs.push(
      addUnit({
        name: `${kindName} ${place}`,
        kind: kindName.startsWith('Trường') ? UnitKind.SCHOOL : UnitKind.AGENCY,
        level: AuthorityLevel.UNIT,
        parentId: parent.id,
        sector: kindName.startsWith('Trường') ? 'Giáo dục' : kindName.includes('Y tế') ? 'Y tế' : null,
        small: false,
        role: 'deptSub',
        district: null,
        remote: false,
      }),
    );
  }

  // People: the minimum every unit needs (heads, council members), the rest by weight.
  const minimum = units.reduce((sum, u) => sum + PEOPLE_MIN[u.role], 0);
  const targetPeople = Math.max(minimum + 20, Math.round(100_000 * scale));
  const counts = units.map((u) => PEOPLE_MIN[u.role]);
  const totalWeight = units.reduce((sum, u) => sum + PEOPLE_WEIGHT[u.role], 0);
  const extra = targetPeople - minimum;
  let assigned = 0;
  units.forEach((u, i) => {
    const n = Math.floor((extra * PEOPLE_WEIGHT[u.role]) / totalWeight);
    counts[i] += n;
    assigned += n;
  });
  for (let i = assigned; i < extra; i++) counts[rng.int(0, units.length - 1)]++;

  const people: PersonInfo[] = [];
  const personById = new Map<string, PersonInfo>();
  let personSeq = 0;
  units.forEach((unit, i) => {
    for (let k = 0; k < counts[i]; k++) {
      const femaleShare = unit.role === 'school' ? 0.7 : unit.sector === 'Y tế' ? 0.65 : 0.45;
      const female = rng.chance(femaleShare);
      const directWorker =
        unit.role === 'village' ? rng.chance(0.85) : unit.role === 'commune' ? rng.chance(0.1) : rng.chance(0.03);
      const person: PersonInfo = {
        id: `${prefix}p-${String(++personSeq).padStart(6, '0')}`,
        fullName: personName(rng, female),
        unitId: unit.id,
        position: positionFor(unit, k, directWorker, rng),
        directWorker,
        female,
      };
      people.push(person);
      personById.set(person.id, person);
      unit.people.push(person.id);
    }
  });

  const homeAffairs = departments[0];
  const nameOf = (id: string) => personById.get(id)!.fullName;
  const provinceCouncil = buildCouncil(
    'tinh',
    province,
    homeAffairs,
    [homeAffairs, ...departments.slice(1)],
    17,
    null,
    nameOf,
  );
  for (const district of districts) {
    const unit = unitById.get(district.unitId)!;
    const office = unitById.get(district.homeAffairsId)!;
    const others = [...district.officeIds.slice(1), ...district.communeIds].map((id) => unitById.get(id)!);
    district.council = buildCouncil(
      `huyen-${district.index + 1}`,
      unit,
      office,
      [office, ...others],
      13,
      district.index,
      nameOf,
    );
  }

  const clusters = buildClusters(
    rng,
    Math.max(1, Math.round(100 * scale)),
    province,
    departments,
    deptSubs,
    districts,
    unitById,
    prefix,
  );
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
    homeAffairsId: homeAffairs.id,
    departmentIds: departments.map((d) => d.id),
    deptSubIds: deptSubs.map((d) => d.id),
    districts,
    clusters,
    provinceCouncil,
    clusterOfUnit,
  };
}

function positionFor(unit: UnitInfo, index: number, directWorker: boolean, rng: Random): string | null {
  if (directWorker) return unit.role === 'village' ? 'Nông dân' : 'Công nhân';
  switch (unit.role) {
    case 'province':
    case 'district':
    case 'commune':
      return index === 0
        ? 'Chủ tịch UBND'
        : index <= 2
          ? 'Phó Chủ tịch UBND'
          : rng.pick(['Chuyên viên', 'Công chức', 'Văn thư']);
    case 'department':
      return index === 0
        ? 'Giám đốc'
        : index <= 2
          ? 'Phó Giám đốc'
          : rng.pick(['Chuyên viên', 'Trưởng phòng', 'Phó Trưởng phòng']);
    case 'office':
      return index === 0 ? 'Trưởng phòng' : index === 1 ? 'Phó Trưởng phòng' : 'Chuyên viên';
    case 'school':
      return index === 0
        ? 'Hiệu trưởng'
        : index === 1
          ? 'Phó Hiệu trưởng'
          : rng.chance(0.85)
            ? 'Giáo viên'
            : 'Nhân viên';
    case 'deptSub':
      return index === 0 ? 'Giám đốc' : rng.pick(['Viên chức', 'Bác sĩ', 'Kỹ sư', 'Giáo viên']);
    case 'village':
      return index === 0 ? 'Trưởng thôn' : null;
  }
}

function buildCouncil(
  code: string,
  committee: UnitInfo,
  secretariatUnit: UnitInfo,
  memberUnits: UnitInfo[],
  size: number,
  district: number | null,
  nameOf: (personId: string) => string,
): CouncilInfo {
  const members: string[] = [];
  const add = (id: string | undefined) => {
    if (id && !members.includes(id) && members.length < size) members.push(id);
  };
  committee.people.slice(0, 3).forEach(add);
  for (const unit of memberUnits) add(unit.people[0]);
  for (const unit of [committee, ...memberUnits]) unit.people.slice(1, 3).forEach(add);
  const secretary = secretariatUnit.people[Math.min(1, secretariatUnit.people.length - 1)];
  return {
    code,
    unitId: committee.id,
    memberIds: members,
    // The standing agency acts for the committee: its token names the committee's unit, whose subtree it works in.
    secretariat: { actorId: secretary, role: 'SECRETARIAT', unitId: committee.id },
    signerName: nameOf(committee.people[0]),
    district,
  };
}

function buildClusters(
  rng: Random,
  wanted: number,
  province: UnitInfo,
  departments: UnitInfo[],
  deptSubs: UnitInfo[],
  districts: DistrictInfo[],
  unitById: Map<string, UnitInfo>,
  prefix: string,
): ClusterInfo[] {
  interface Group {
    name: string;
    kind: ClusterKind;
    organizer: string;
    members: string[];
  }
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
  for (const d of districts) {
    chunk(d.communeIds, `Khối thi đua các xã huyện ${d.name}`, ClusterKind.BLOC, d.unitId);
    chunk(d.schoolIds, `Cụm thi đua các trường học huyện ${d.name}`, ClusterKind.CLUSTER, d.unitId);
    chunk(d.officeIds.slice(1), `Khối các phòng, ban huyện ${d.name}`, ClusterKind.BLOC, d.unitId);
  }
  chunk(
    departments.slice(1).map((u) => u.id),
    'Khối các sở, ban, ngành tỉnh',
    ClusterKind.BLOC,
    province.id,
  );
  chunk(
    deptSubs.map((u) => u.id),
    'Cụm các đơn vị sự nghiệp trực thuộc tỉnh',
    ClusterKind.CLUSTER,
    province.id,
  );
  chunk(
    districts.map((d) => d.unitId),
    'Khối thi đua các huyện, thị xã, thành phố',
    ClusterKind.BLOC,
    province.id,
  );
  // Every district's communes first (they are the classic blocs), then the rest at random.
  const communeBlocs = groups.filter((g) => g.name.startsWith('Khối thi đua các xã'));
  const others = rng.shuffle(groups.filter((g) => !g.name.startsWith('Khối thi đua các xã')));
  const chosen = [...communeBlocs, ...others].slice(0, wanted);
  if (chosen.length === 0) {
    // A very small province: one bloc of whatever units there are.
    const ids = [
      ...districts.flatMap((d) => [...d.communeIds, ...d.schoolIds]),
      ...departments.slice(1).map((u) => u.id),
    ].slice(0, 6);
    chosen.push({ name: 'Khối thi đua chung', kind: ClusterKind.BLOC, organizer: province.id, members: ids });
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
    .filter((c) => c.memberIds.every((id) => unitById.has(id)));
}
