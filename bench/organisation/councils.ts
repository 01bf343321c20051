/** The emulation and commendation councils: the province's and each district's, with their standing agencies. */
import type { CouncilInfo, DistrictInfo, UnitInfo } from './types';

/** The province's council (17 members, home affairs as its standing agency) and each district's (13). */
export function buildCouncils(
  province: UnitInfo,
  departments: UnitInfo[],
  districts: DistrictInfo[],
  unitById: Map<string, UnitInfo>,
  nameOf: (personId: string) => string,
): CouncilInfo {
  const homeAffairs = departments[0];
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
  return provinceCouncil;
}

/** The committee's leaders, the member units' heads, then their deputies, up to `size`. */
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
