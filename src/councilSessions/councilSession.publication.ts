/**
 * The council votes on a nominee whose award must be published (công khai) only after the
 * list has been up for the rule set's working days (src/rules/publicationRules.ts).
 */
import type { IsoDate } from '../shared/domain';
import { RuleViolation } from '../shared/errors';
import { workingDaysBefore } from '../rules/publicationRules';

/** What the convening handler found about one agenda dossier's publication. */
export interface AgendaPublication {
  /** Working days the list must be up before the council meets; null: no publication required. */
  requiredWorkingDays: number | null;
  /** The legal source of the requirement; null when none. */
  source: string | null;
  /** The earliest publication of the dossier's nominee (its first day); null: never published. */
  publishedFrom: IsoDate | null;
}

/** No requirement: the dossier's award needs no publication under its rule set. */
export const NO_PUBLICATION_REQUIRED: AgendaPublication = Object.freeze({
  requiredWorkingDays: null,
  source: null,
  publishedFrom: null,
});

interface ShortPublication {
  dossierId: string;
  publishedFrom: IsoDate | null;
  workingDays: number;
  needed: number;
  source: string | null;
}

function shortOf(item: { dossierId: string; publication: AgendaPublication }, heldOn: IsoDate): ShortPublication[] {
  const { requiredWorkingDays: needed, publishedFrom, source } = item.publication;
  if (needed === null) return [];
  const workingDays = publishedFrom === null ? 0 : workingDaysBefore(publishedFrom, heldOn);
  return workingDays >= needed ? [] : [{ dossierId: item.dossierId, publishedFrom, workingDays, needed, source }];
}

function describe(short: ShortPublication): string {
  return short.publishedFrom === null
    ? `dossier ${short.dossierId} was never published (${short.needed} working days needed)`
    : `dossier ${short.dossierId} was published from ${short.publishedFrom}, ${short.workingDays} of ${short.needed} working days before the session`;
}

/** Every agenda dossier whose award requires publication was published the required working days before `heldOn`. */
export function requirePublishedInTime(
  agenda: ReadonlyArray<{ dossierId: string; publication: AgendaPublication }>,
  heldOn: IsoDate,
): void {
  const short = agenda.flatMap((item) => shortOf(item, heldOn));
  if (short.length === 0) return;
  const first = short[0];
  throw new RuleViolation(
    'PUBLICATION',
    `nominees for these awards must be published before the council meets (${first.source}): ${short.map(describe).join('; ')}`,
    { ...first, heldOn, dossiers: short },
  );
}
