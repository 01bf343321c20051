/**
 * Cash rewards as dated data: per award kind and subject kind, the multiple (hệ số) of the
 * base salary, and how the product is rounded. A rule set carries one scale; the award
 * takes the scale of the set in force on its decision date. Null: the decree sets no fixed
 * multiple for that award and subject (or the award does not exist for that subject).
 */
import { AwardKind, SubjectKind } from '../shared/domain';

export interface RewardMultiple {
  individual: number | null;
  collective: number | null;
  /** Where the figures come from. */
  basis: string;
}

export interface RewardScale {
  legalBasis: string;
  /** The amount is rounded up to a multiple of this many VND; 1: not rounded. */
  roundUpToVnd: number;
  multiples: Readonly<Record<AwardKind, RewardMultiple>>;
}

function individual(multiple: number, basis: string): RewardMultiple {
  return { individual: multiple, collective: null, basis };
}

function collective(multiple: number, basis: string): RewardMultiple {
  return { individual: null, collective: multiple, basis };
}

/** Certificates and orders: the collective's reward is twice the individual's. */
function both(individualMultiple: number, basis: string): RewardMultiple {
  return { individual: individualMultiple, collective: 2 * individualMultiple, basis };
}

const NONE: RewardMultiple = { individual: null, collective: null, basis: 'no fixed multiple' };

/** The emulation titles: the same multiples in Decree 91/2017 Art. 69, Decree 98/2023 Art. 54 and Decree 152/2025. */
function titles(article: string): Pick<RewardScale['multiples'], TitleKind> {
  return {
    [AwardKind.NATIONAL_EMULATION_FIGHTER]: individual(4.5, article),
    [AwardKind.PROVINCIAL_EMULATION_FIGHTER]: individual(3, article),
    [AwardKind.GRASSROOTS_EMULATION_FIGHTER]: individual(1, article),
    [AwardKind.ADVANCED_WORKER]: individual(0.3, article),
    [AwardKind.EXCELLENT_COLLECTIVE]: collective(1.5, article),
    [AwardKind.ADVANCED_COLLECTIVE]: collective(0.8, article),
    [AwardKind.GOVERNMENT_EMULATION_FLAG]: collective(12, article),
    [AwardKind.PROVINCIAL_EMULATION_FLAG]: collective(8, article),
  };
}
type TitleKind =
  | AwardKind.NATIONAL_EMULATION_FIGHTER
  | AwardKind.PROVINCIAL_EMULATION_FIGHTER
  | AwardKind.GRASSROOTS_EMULATION_FIGHTER
  | AwardKind.ADVANCED_WORKER
  | AwardKind.EXCELLENT_COLLECTIVE
  | AwardKind.ADVANCED_COLLECTIVE
  | AwardKind.GOVERNMENT_EMULATION_FLAG
  | AwardKind.PROVINCIAL_EMULATION_FLAG;

function deepFrozen(scale: RewardScale): RewardScale {
  Object.values(scale.multiples).forEach((multiple) => Object.freeze(multiple));
  Object.freeze(scale.multiples);
  return Object.freeze(scale);
}

/**
 * Decree 91/2017/ND-CP. Titles: Art. 69. Certificates: individual PM certificate 3.5, provincial
 * 1.0, giấy khen 0.3, collectives twice (as secondary sources report them; article not verified).
 * Labour orders: not verified, the values of Decree 152/2025 Art. 51 assumed. Rounding: not
 * verified; published tables of the time show unrounded amounts (0.3 × 1,490,000 = 447,000).
 */
export const DECREE_91_2017_REWARDS: RewardScale = deepFrozen({
  legalBasis: 'Decree 91/2017/ND-CP',
  roundUpToVnd: 1,
  multiples: {
    ...titles('Decree 91/2017 Art. 69'),
    [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT]: both(3.5, 'Decree 91/2017 (article not verified)'),
    [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]: both(1, 'Decree 91/2017 (article not verified)'),
    [AwardKind.CERTIFICATE_OF_MERIT]: both(0.3, 'Decree 91/2017 (article not verified)'),
    [AwardKind.LABOR_ORDER_FIRST_CLASS]: both(9, 'not verified'),
    [AwardKind.LABOR_ORDER_SECOND_CLASS]: both(7.5, 'not verified'),
    [AwardKind.LABOR_ORDER_THIRD_CLASS]: both(4.5, 'not verified'),
    [AwardKind.COMMEMORATIVE_MEDAL]: NONE,
  },
});

/**
 * Decree 98/2023/ND-CP. Titles: Art. 54. Rounding up to tens of thousands of VND: Art. 53 cl. 2.
 * Certificates (PM 3.5, provincial 1.5, giấy khen 0.3, collectives twice) and labour orders
 * (as Decree 152/2025 Art. 51): articles not verified against the decree text.
 */
export const DECREE_98_2023_REWARDS: RewardScale = deepFrozen({
  legalBasis: 'Decree 98/2023/ND-CP Art. 53-54',
  roundUpToVnd: 10_000,
  multiples: {
    ...titles('Decree 98/2023 Art. 54'),
    [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT]: both(3.5, 'Decree 98/2023 (article not verified)'),
    [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]: both(1.5, 'Decree 98/2023 (article not verified)'),
    [AwardKind.CERTIFICATE_OF_MERIT]: both(0.3, 'Decree 98/2023 (article not verified)'),
    [AwardKind.LABOR_ORDER_FIRST_CLASS]: both(9, 'not verified'),
    [AwardKind.LABOR_ORDER_SECOND_CLASS]: both(7.5, 'not verified'),
    [AwardKind.LABOR_ORDER_THIRD_CLASS]: both(4.5, 'not verified'),
    [AwardKind.COMMEMORATIVE_MEDAL]: NONE,
  },
});

/**
 * Decree 152/2025/ND-CP. Titles: the values of Decree 98/2023 Art. 54 (article number not
 * verified). Labour orders: Art. 51 (collectives twice: Art. 51 cl. 2). Certificates for
 * individuals: Art. 54 cl. 1 (PM 3.5, provincial 1.5, giấy khen 0.3); collectives twice
 * (not verified). Kỷ niệm chương: "not more than" 0.6, a ceiling, so no fixed multiple.
 * Rounding: Decree 98/2023 Art. 53 cl. 2 assumed to carry over (not verified).
 */
export const DECREE_152_2025_REWARDS: RewardScale = deepFrozen({
  legalBasis: 'Decree 152/2025/ND-CP Art. 51, 54',
  roundUpToVnd: 10_000,
  multiples: {
    ...titles('Decree 152/2025 (article not verified)'),
    [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT]: both(3.5, 'Decree 152/2025 Art. 54 cl. 1'),
    [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]: both(1.5, 'Decree 152/2025 Art. 54 cl. 1'),
    [AwardKind.CERTIFICATE_OF_MERIT]: both(0.3, 'Decree 152/2025 Art. 54 cl. 1'),
    [AwardKind.LABOR_ORDER_FIRST_CLASS]: both(9, 'Decree 152/2025 Art. 51'),
    [AwardKind.LABOR_ORDER_SECOND_CLASS]: both(7.5, 'Decree 152/2025 Art. 51'),
    [AwardKind.LABOR_ORDER_THIRD_CLASS]: both(4.5, 'Decree 152/2025 Art. 51'),
    [AwardKind.COMMEMORATIVE_MEDAL]: NONE,
  },
});

/**
 * The multiple of `award` for a subject of `subjectKind` on `scale`; null where none is fixed.
 * Households: the decrees' amount for a household could not be verified (neither Decree
 * 91/2017 nor 98/2023 nor 152/2025 was checked on it), so none is fixed.
 */
export function rewardMultiple(scale: RewardScale, award: AwardKind, subjectKind: SubjectKind): number | null {
  const multiple = scale.multiples[award];
  if (subjectKind === SubjectKind.HOUSEHOLD) return null;
  return subjectKind === SubjectKind.INDIVIDUAL ? multiple.individual : multiple.collective;
}

/**
 * multiple × base salary, rounded up as the scale says. Works in whole VND with the multiple
 * scaled to tenths (every multiple in the decrees has at most one decimal), so no binary
 * fraction leaks into the amount.
 */
export function rewardAmountVnd(scale: RewardScale, multiple: number, baseSalaryVnd: number): number {
  const tenths = Math.round(multiple * 10);
  const exactTimesTen = tenths * baseSalaryVnd;
  const unitTimesTen = scale.roundUpToVnd * 10;
  return (Math.ceil(exactTimesTen / unitTimesTen) * unitTimesTen) / 10;
}
