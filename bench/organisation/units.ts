/**
 * The unit tree of a generated province: the province's committee and departments, the
 * districts with their offices, communes, villages and schools, and the departments'
 * public-service units, in tree order (parents first).
 */
import { AuthorityLevel, UnitKind } from '../../src/shared/domain';
import {
  COMMUNE_FIRST,
  COMMUNE_SECOND,
  DEPARTMENTS,
  DEPT_SUBUNIT_KINDS,
  DISTRICTS,
  NAMESAKES,
  OFFICES,
  PROVINCE_NAME,
  SCHOOL_KINDS,
} from '../names';
import type { Random } from '../random';
import type { CouncilInfo, DistrictInfo, UnitInfo } from './types';

export interface UnitTree {
  units: UnitInfo[];
  unitById: Map<string, UnitInfo>;
  province: UnitInfo;
  departments: UnitInfo[];
  /** Without their councils yet (they need the people). */
  districts: DistrictInfo[];
  deptSubs: UnitInfo[];
}

interface UnitCounts {
  departments: number;
  districts: number;
  officesPerDistrict: number;
  communes: number;
  villages: number;
  schools: number;
  deptSubs: number;
}

/** Adds units with ids in the order they are added. */
class UnitRegistry {
  readonly units: UnitInfo[] = [];
  readonly unitById = new Map<string, UnitInfo>();
  private seq = 0;

  constructor(private readonly prefix: string) {}

  add(u: Omit<UnitInfo, 'id' | 'people'>): UnitInfo {
    const unit: UnitInfo = { ...u, id: `${this.prefix}u-${String(++this.seq).padStart(5, '0')}`, people: [] };
    this.units.push(unit);
    this.unitById.set(unit.id, unit);
    return unit;
  }
}

/** How many units of each kind: scale 1 is ~2,000 units, 25 departments, 10 districts. */
function unitCounts(scale: number): UnitCounts {
  const departments = Math.max(2, Math.round(25 * scale));
  const districts = Math.max(2, Math.round(10 * scale));
  const officesPerDistrict = Math.max(2, Math.min(OFFICES.length, Math.round(20 * scale)));
  const targetUnits = Math.max(24, Math.round(2000 * scale));
  const fixed = 1 + departments + districts * (1 + officesPerDistrict);
  const rest = Math.max(0, targetUnits - fixed);
  const communes = Math.max(2 * districts, Math.round(0.17 * rest));
  const villages = Math.round(0.23 * rest);
  const schools = Math.max(districts, Math.round(0.4 * rest));
  const deptSubs = Math.max(0, rest - communes - villages - schools);
  return { departments, districts, officesPerDistrict, communes, villages, schools, deptSubs };
}

export function buildUnitTree(rng: Random, scale: number, prefix: string): UnitTree {
  const registry = new UnitRegistry(prefix);
  const counts = unitCounts(scale);
  const province = registry.add({
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
  const departments = addDepartments(registry, province, counts.departments);
  const districts = Array.from({ length: counts.districts }, (_, d) =>
    addDistrict(registry, province, d, counts.officesPerDistrict),
  );
  addCommunes(registry, rng, districts, counts.communes);
  addVillages(registry, rng, districts, counts.villages);
  addSchools(registry, rng, districts, counts.schools);
  const deptSubs = addDeptSubs(registry, rng, departments, districts, counts.deptSubs);
  return { units: registry.units, unitById: registry.unitById, province, departments, districts, deptSubs };
}

function addDepartments(registry: UnitRegistry, province: UnitInfo, count: number): UnitInfo[] {
  const departments: UnitInfo[] = [];
  for (let i = 0; i < count; i++) {
    const base = DEPARTMENTS[i % DEPARTMENTS.length];
    const name =
      i < DEPARTMENTS.length
        ? `${base} tỉnh ${PROVINCE_NAME}`.replace('tỉnh tỉnh', 'tỉnh')
        : `${base} (${Math.floor(i / DEPARTMENTS.length) + 1})`;
    departments.push(
      registry.add({
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
  return departments;
}

/** A district's committee and its offices (the first is home affairs, the second education). */
function addDistrict(registry: UnitRegistry, province: UnitInfo, d: number, officesPerDistrict: number): DistrictInfo {
  const [baseName, remote] = DISTRICTS[d % DISTRICTS.length];
  const name = d < DISTRICTS.length ? baseName : `${baseName} ${Math.floor(d / DISTRICTS.length) + 1}`;
  const districtUnit = registry.add({
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
      registry.add({
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
  return {
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
  };
}

/** Communes in turn to each district, with names unique within it. */
function addCommunes(registry: UnitRegistry, rng: Random, districts: DistrictInfo[], count: number): void {
  const usedCommuneNames = new Set<string>();
  for (let c = 0; c < count; c++) {
    const district = districts[c % districts.length];
    let name = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      name = `${rng.pick(COMMUNE_FIRST)} ${rng.pick(COMMUNE_SECOND)}`;
      if (!usedCommuneNames.has(`${district.index}:${name}`)) break;
    }
    if (usedCommuneNames.has(`${district.index}:${name}`)) name = `${name} ${c}`;
    usedCommuneNames.add(`${district.index}:${name}`);
    const commune = registry.add({
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
}

function addVillages(registry: UnitRegistry, rng: Random, districts: DistrictInfo[], count: number): void {
  for (let v = 0; v < count; v++) {
    const district = districts[v % districts.length];
    const communeId = rng.pick(district.communeIds);
    const commune = registry.unitById.get(communeId)!;
    const village = registry.add({
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
}

/** Schools under each district's education office, named after a namesake or a commune. */
function addSchools(registry: UnitRegistry, rng: Random, districts: DistrictInfo[], count: number): void {
  for (let s = 0; s < count; s++) {
    const district = districts[s % districts.length];
    const kind = rng.pick(SCHOOL_KINDS);
    const namesake = rng.chance(0.6)
      ? rng.pick(NAMESAKES)
      : registry.unitById.get(rng.pick(district.communeIds))!.name.replace('UBND xã ', '');
    const school = registry.add({
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
}

/** Public-service units of the departments that have them (hospitals, colleges, centres). */
function addDeptSubs(
  registry: UnitRegistry,
  rng: Random,
  departments: UnitInfo[],
  districts: DistrictInfo[],
  count: number,
): UnitInfo[] {
  const deptSubs: UnitInfo[] = [];
  const subParents = departments.filter((d) => Object.keys(DEPT_SUBUNIT_KINDS).some((k) => d.name.startsWith(k)));
  for (let i = 0; i < count; i++) {
    const parent = subParents.length > 0 ? subParents[i % subParents.length] : departments[i % departments.length];
    const kindName = Object.entries(DEPT_SUBUNIT_KINDS).find(([k]) => parent.name.startsWith(k))?.[1] ?? 'Trung tâm';
    const place = rng.chance(0.5) ? rng.pick(NAMESAKES) : districts[i % districts.length].name;
    deptSubs.push(
      registry.add({
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
  return deptSubs;
}
