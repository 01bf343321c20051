/**
 * Which authority levels may grant each award kind, as dated data of the rule sets. The
 * three-tier table is the catalog's (Law 06/2022/QH15 Art. 80: the district People's
 * Committee chairman grants "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động
 * tiên tiến" and giấy khen; the commune chairman grants "Lao động tiên tiến" and giấy khen).
 * From 2025-07-01 local government has two tiers (province, commune): there is no district
 * level, and the commune grants what the district granted (Decree 152/2025/ND-CP on the
 * decentralisation of emulation and commendation; the article carrying that transfer was
 * not verified against the decree text).
 */
import { AuthorityLevel, AwardKind } from '../shared/domain';
import { AWARD_CATALOG } from './awardCatalog';

export type GrantingLevels = Readonly<Record<AwardKind, readonly AuthorityLevel[]>>;

function frozenTable(levelsOf: (kind: AwardKind) => AuthorityLevel[]): GrantingLevels {
  const table = Object.fromEntries(
    Object.values(AwardKind).map((kind) => [kind, Object.freeze(levelsOf(kind))]),
  ) as Record<AwardKind, readonly AuthorityLevel[]>;
  return Object.freeze(table);
}

/** Province, district and commune (to 2025-06-30): the catalog's levels. */
export const THREE_TIER_GRANTING_LEVELS: GrantingLevels = frozenTable((kind) => [
  ...AWARD_CATALOG[kind].grantingLevels,
]);

/** Province and commune (from 2025-07-01): the district's grants pass to the commune. */
export const TWO_TIER_GRANTING_LEVELS: GrantingLevels = frozenTable((kind) => {
  const threeTier = AWARD_CATALOG[kind].grantingLevels;
  const levels = threeTier.filter((level) => level !== AuthorityLevel.DISTRICT);
  if (threeTier.includes(AuthorityLevel.DISTRICT) && !levels.includes(AuthorityLevel.COMMUNE)) {
    levels.splice(levels.indexOf(AuthorityLevel.UNIT) + 1, 0, AuthorityLevel.COMMUNE);
  }
  return levels;
});
