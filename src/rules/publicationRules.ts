/**
 * Publication of nominees before the council (công khai) as dated data: which awards of a
 * rule set must be published, for how many working days before the council meets, and
 * the window a publication opens for comments. Pure: the holiday calendar gives the
 * working days.
 */
import { addDays, AuthorityLevel, type AwardKind, type IsoDate } from '../shared/domain';
import { mayBeGrantedAt } from './awardCatalog';
import { addWorkingDays, isWorkingDay } from './holidays/holidayCalendar';

export interface PublicationRule {
  /** Awards granted at these levels must be published before the council votes on them. */
  grantedAtLevels: readonly AuthorityLevel[];
  /** Working days the list stays published, all of them before the council meets. */
  workingDays: number;
  source: string;
  verified: boolean;
}

/**
 * Decree 98/2023/NĐ-CP Art. 46(2): whoever proposes a State order (huân chương) or State
 * honorary title (Law 06/2022/QH15 Art. 84(5)) publishes the list of individuals and
 * collectives in the media of the ministry, sector or province at least 10 working days
 * before its council meets; Art. 46(1) has the Ministry of Home Affairs take public
 * comments on its portal for 10 working days. Checked against the clause as quoted by
 * the Ministry of Industry and Trade's notice of 2024-11-26 and the Central Emulation and
 * Commendation Board's notices citing Art. 46(1); the decree's own text was not at hand.
 * Of the catalogue's awards, the State-level ones are the Labour Orders.
 */
export const DECREE_98_2023_PUBLICATION: PublicationRule = Object.freeze({
  grantedAtLevels: Object.freeze([AuthorityLevel.STATE]),
  workingDays: 10,
  source: 'Nghị định 98/2023/NĐ-CP Art. 46(1)–(2)',
  verified: true,
});

/**
 * Decree 152/2025/NĐ-CP Art. 60(3) continues the publication of Decree 98/2023 Art. 46:
 * the Ministry of Home Affairs' notice of June 2025 cites both clauses for a 10-working-day
 * publication. That the wording (10 working days before the council, State-level awards)
 * is unchanged was not verified against the text of Decree 152/2025.
 */
export const DECREE_152_2025_PUBLICATION: PublicationRule = Object.freeze({
  grantedAtLevels: Object.freeze([AuthorityLevel.STATE]),
  workingDays: 10,
  source: 'Nghị định 152/2025/NĐ-CP Art. 60(3), continuing Nghị định 98/2023/NĐ-CP Art. 46',
  verified: false,
});

/** Whether `award` must be published before the council under `rule` (null: no publication rule). */
export function publicationRequired(rule: PublicationRule | null, award: AwardKind): boolean {
  return rule !== null && rule.grantedAtLevels.some((level) => mayBeGrantedAt(award, level));
}

/**
 * The last day of the comment window a publication from `fromDate` opens: the
 * `workingDays`-th working day counting `fromDate` itself when it is one.
 */
export function publicationWindowEnd(fromDate: IsoDate, workingDays: number): IsoDate {
  return addWorkingDays(addDays(fromDate, -1), workingDays);
}

/** Working days from `fromDate` (included) to `heldOn` (excluded): how long the list was up before the council. */
export function workingDaysBefore(fromDate: IsoDate, heldOn: IsoDate): number {
  let count = 0;
  for (let day = fromDate; day < heldOn; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

/**
 * The working days a list published on `fromDate` stays up: those of the rule in force on
 * that date, or, before any rule in the data, of the earliest one.
 */
export function publicationWindowDays(ruleInForce: PublicationRule | null): number {
  return (ruleInForce ?? DECREE_98_2023_PUBLICATION).workingDays;
}
