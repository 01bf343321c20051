/** The people of a generated province: how many each unit has, their Vietnamese names and positions. */
import { FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE } from '../names';
import type { Random } from '../random';
import type { PersonInfo, UnitInfo, UnitRole } from './types';

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

/** Staffs every unit (its `people`, in order) and returns everyone: scale 1 is ~100,000 people. */
export function staffUnits(rng: Random, units: UnitInfo[], scale: number, prefix: string): PersonInfo[] {
  const counts = headcounts(rng, units, scale);
  const people: PersonInfo[] = [];
  units.forEach((unit, i) => {
    for (let k = 0; k < counts[i]; k++) {
      const femaleShare = unit.role === 'school' ? 0.7 : unit.sector === 'Y tế' ? 0.65 : 0.45;
      const female = rng.chance(femaleShare);
      const directWorker =
        unit.role === 'village' ? rng.chance(0.85) : unit.role === 'commune' ? rng.chance(0.1) : rng.chance(0.03);
      const person: PersonInfo = {
        id: `${prefix}p-${String(people.length + 1).padStart(6, '0')}`,
        fullName: personName(rng, female),
        unitId: unit.id,
        position: positionFor(unit, k, directWorker, rng),
        directWorker,
        female,
      };
      people.push(person);
      unit.people.push(person.id);
    }
  });
  return people;
}

/** The minimum every unit needs (heads, council members), the rest by weight, the remainder at random. */
function headcounts(rng: Random, units: UnitInfo[], scale: number): number[] {
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
  return counts;
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
