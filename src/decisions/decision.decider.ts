import { awardDecider, cashRewardOn, type AwardDossierFacts, type GrantAward } from '../awards/award.decider';
import type { AwardGranted } from '../awards/award.events';
import { awardDefinition } from '../rules/awardCatalog';
import { ruleSetFor } from '../rules/ruleSets';
import { requireIsoInstant } from '../rules/values';
import { assertNever, type Decider } from '../shared/decider';
import { DossierStatus, type AuthorityLevel, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { nameBasedUuid } from '../shared/ids';
import { requireDistinctIds, requireIsoDate, requireText, requireYear } from '../shared/validation';
import type { DecisionDocument, DecisionEntry, DecisionEvent } from './decision.events';

const DECISION_STREAM_TYPE = 'decision';

/**
 * The decision's stream key: issuing unit, year and number. Decree 30/2020/NĐ-CP on
 * clerical work, Art. 15(1): documents are numbered in order within the year, from 01 on
 * 1 January to 31 December, and a number and symbol are unique within the year; so a
 * number names one decision per issuing unit and year. The number (NFC) is spelled in the
 * stream id's alphabet: characters other than letters, digits, `_` and `-` as `.XX` per
 * UTF-8 byte (`12/QĐ-UBND` → `12.2FQ.C4.90-UBND`).
 */
export function decisionStreamKey(issuedByUnitId: string, year: number, number: string): string {
  const spelled = [...normalizedNumber(number)]
    .map((char) =>
      /^[A-Za-z0-9_-]$/.test(char)
        ? char
        : [...Buffer.from(char, 'utf8')].map((byte) => `.${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
    .join('');
  return `${issuedByUnitId}:${year}:${spelled}`;
}

/** A decision number as it is compared and stored: trimmed, NFC. */
export function normalizedNumber(number: string): string {
  return number.trim().normalize('NFC');
}

/** The award an entry becomes on signing: named by the decision and the dossier, so a redraft keeps it. */
export function decisionAwardId(decisionId: string, dossierId: string): string {
  return nameBasedUuid(`decision-award\n${decisionId}\n${dossierId}`);
}

export type DecisionState =
  | { status: 'NONE' }
  | { status: 'DRAFT'; document: DecisionDocument }
  | { status: 'SIGNED'; document: DecisionDocument; signedAt: IsoInstant };

/** What the draft says (its text fields as the document carries them), and the dossiers' facts the handler read. */
export type DecisionText = Pick<
  DecisionDocument,
  'decidedOn' | 'place' | 'signerName' | 'signerTitle' | 'about' | 'legalGrounds'
> & {
  /** The dossiers to grant, as the handler read them from their streams. */
  dossiers: AwardDossierFacts[];
};

export interface DraftDecision {
  type: 'DraftDecision';
  data: DecisionText & {
    decisionId: string;
    issuingUnit: { id: string; name: string };
    year: number;
    number: string;
    now: IsoInstant;
  };
}

export interface ReviseDecisionDraft {
  type: 'ReviseDecisionDraft';
  data: DecisionText & { decisionId: string; now: IsoInstant };
}

/** The facts of one entry at signing time, reloaded by the handler. */
export interface EntryFacts {
  dossier: AwardDossierFacts;
  /** From the person's record; both false for collectives. */
  subjectFacts: { directWorker: boolean; female: boolean };
  /** Non-revoked awards of the same kind for the same subject and period. */
  heldSameKindSamePeriod: number;
}

export interface SignDecision {
  type: 'SignDecision';
  data: {
    decisionId: string;
    issuingUnitLevel: AuthorityLevel;
    entries: EntryFacts[];
    /** Awards recorded under this number by this unit from paper (grantAward): their date and signer. */
    decisionFacts: { decidedOn: IsoDate; signerName: string } | null;
    now: IsoInstant;
  };
}

export type DecisionCommand = DraftDecision | ReviseDecisionDraft | SignDecision;

function initialDecisionState(): DecisionState {
  return { status: 'NONE' };
}

function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  switch (event.type) {
    case 'DecisionDrafted':
    case 'DecisionDraftRevised':
      return { status: 'DRAFT', document: documentIn(event.data) };
    case 'DecisionSigned':
      return { status: 'SIGNED', document: documentIn(event.data), signedAt: event.data.signedAt };
    default:
      return assertNever(event, 'decision event');
  }
}

/** The document an event carries, without the event's own fields. */
function documentIn(data: DecisionDocument): DecisionDocument {
  const { decisionId, issuedByUnitId, issuedByUnitName, year, number, decidedOn, place } = data;
  const { signerName, signerTitle, about, legalGrounds, entries } = data;
  return {
    decisionId,
    issuedByUnitId,
    issuedByUnitName,
    year,
    number,
    decidedOn,
    place,
    signerName,
    signerTitle,
    about,
    legalGrounds,
    entries,
  };
}

function decideDecision(command: DecisionCommand, state: DecisionState): DecisionEvent[] {
  switch (command.type) {
    case 'DraftDecision':
      return draft(command.data, state);
    case 'ReviseDecisionDraft':
      return revise(command.data, state);
    case 'SignDecision':
      return sign(command.data, state);
    default:
      return assertNever(command, 'decision command');
  }
}

function draft(data: DraftDecision['data'], state: DecisionState): DecisionEvent[] {
  requireNumberFree(data, state);
  requireText(data.issuingUnit.id, 'issuedByUnitId');
  requireText(data.number, 'number');
  requireYear(data.year);
  const document = documentOf(data, data.issuingUnit.name, data.year, data.number, data.issuingUnit.id);
  return [{ type: 'DecisionDrafted', data: { ...document, draftedAt: data.now } }];
}

function revise(data: ReviseDecisionDraft['data'], state: DecisionState): DecisionEvent[] {
  const draftState = requireDraft(state, data.decisionId);
  const { issuedByUnitName, year, number, issuedByUnitId } = draftState.document;
  const document = documentOf(data, issuedByUnitName, year, number, issuedByUnitId);
  return [{ type: 'DecisionDraftRevised', data: { ...document, revisedAt: data.now } }];
}

function sign(data: SignDecision['data'], state: DecisionState): DecisionEvent[] {
  const { document } = requireDraft(state, data.decisionId);
  requireIsoInstant(data.now, 'now');
  requireEntries(document);
  const grants = document.entries.map((entry) => {
    const facts = factsOfEntry(data.entries, entry);
    requireGrantable(facts.dossier);
    return { dossierId: entry.dossierId, awardId: entry.awardId, grantedAward: grantOf(document, entry, facts, data) };
  });
  return [{ type: 'DecisionSigned', data: { ...document, grants, signedAt: data.now } }];
}

/** The award's own rules (issuer level, once per achievement, same decision) decide each entry's award. */
function grantOf(
  document: DecisionDocument,
  entry: DecisionEntry,
  facts: EntryFacts,
  data: SignDecision['data'],
): AwardGranted['data'] {
  const command: GrantAward = {
    type: 'GrantAward',
    data: {
      awardId: entry.awardId,
      dossier: facts.dossier,
      subjectFacts: facts.subjectFacts,
      issuingUnit: { id: document.issuedByUnitId, level: data.issuingUnitLevel },
      decisionNumber: document.number,
      decidedOn: document.decidedOn,
      signerName: document.signerName,
      facts: { heldSameKindSamePeriod: facts.heldSameKindSamePeriod },
      decisionFacts: data.decisionFacts,
      now: data.now,
    },
  };
  const [granted] = awardDecider.decide(command, { status: 'NONE' });
  return granted.data as AwardGranted['data'];
}

function documentOf(
  text: DecisionText & { decisionId: string; now: IsoInstant },
  issuedByUnitName: string,
  year: number,
  number: string,
  issuedByUnitId: string,
): DecisionDocument {
  requireIsoInstant(text.now, 'now');
  requireIsoDate(text.decidedOn, 'decidedOn');
  requireDecidedInYear(text.decidedOn, year);
  requireText(text.place, 'place');
  requireText(text.signerName, 'signerName');
  requireText(text.signerTitle, 'signerTitle');
  requireText(text.about, 'about');
  text.legalGrounds.forEach((ground, i) => requireText(ground, `legalGrounds[${i}]`));
  requireDistinctIds(
    text.dossiers.map((d) => d.dossierId),
    'dossierIds',
  );
  text.dossiers.forEach(requireGrantable);
  return {
    decisionId: text.decisionId,
    issuedByUnitId,
    issuedByUnitName,
    year,
    number,
    decidedOn: text.decidedOn,
    place: text.place,
    signerName: text.signerName,
    signerTitle: text.signerTitle,
    about: text.about,
    legalGrounds: [...text.legalGrounds],
    entries: text.dossiers.map((dossier) => entryOf(text.decisionId, dossier, text.decidedOn)),
  };
}

/** The entry with the reward in force on the decision date (rules/rewardMultiples.ts, rules/baseSalary.ts). */
function entryOf(decisionId: string, dossier: AwardDossierFacts, decidedOn: IsoDate): DecisionEntry {
  const reward = cashRewardOn(ruleSetFor(decidedOn), dossier.award, dossier.nominee.kind, decidedOn);
  return {
    dossierId: dossier.dossierId,
    awardId: decisionAwardId(decisionId, dossier.dossierId),
    award: dossier.award,
    label: awardDefinition(dossier.award).label,
    subject: { kind: dossier.nominee.kind, id: dossier.nominee.id, name: dossier.nominee.name },
    subjectUnitId: dossier.nomineeUnitId,
    period: { kind: dossier.period.kind, year: dossier.period.year },
    cashMultiple: reward.cashMultiple,
    baseSalaryVnd: reward.baseSalaryVnd ?? null,
    rewardVnd: reward.rewardVnd ?? null,
  };
}

/** Decree 30/2020/NĐ-CP, Art. 15(1): a number is used once per issuing unit and year. */
function requireNumberFree(data: DraftDecision['data'], state: DecisionState): void {
  if (state.status !== 'NONE') {
    throw new RuleViolation(
      'DECISION_NUMBER_TAKEN',
      `decision number ${data.number} of ${data.issuingUnit.id} is already used in ${data.year}`,
      { number: data.number, issuedByUnitId: data.issuingUnit.id, year: data.year, status: state.status },
    );
  }
}

/** The number belongs to the year's register (Decree 30/2020/NĐ-CP, Art. 15(1)): the date lies in that year. */
function requireDecidedInYear(decidedOn: IsoDate, year: number): void {
  if (Number(decidedOn.slice(0, 4)) !== year) {
    throw new RuleViolation('DECISION_YEAR_MISMATCH', `a decision numbered in ${year} is dated in ${year}`, {
      year,
      decidedOn,
    });
  }
}

function requireDraft(state: DecisionState, decisionId: string): Extract<DecisionState, { status: 'DRAFT' }> {
  if (state.status === 'NONE') throw new NotFound('Decision', decisionId);
  if (state.status === 'SIGNED') {
    throw new RuleViolation('DECISION_ALREADY_SIGNED', `decision ${state.document.number} is signed already`, {
      signedAt: state.signedAt,
    });
  }
  return state;
}

function requireEntries(document: DecisionDocument): void {
  if (document.entries.length === 0) {
    throw new RuleViolation('DECISION_EMPTY', `decision ${document.number} grants nothing: add its recipients first`);
  }
}

/** Only an approved dossier that has yielded no award yet is granted (as grantAward requires). */
function requireGrantable(dossier: AwardDossierFacts): void {
  if (dossier.status !== DossierStatus.APPROVED) {
    throw new RuleViolation(
      'DOSSIER_NOT_GRANTABLE',
      `dossier ${dossier.dossierId} is ${dossier.status}: only an approved dossier without an award is granted`,
      { dossierId: dossier.dossierId, status: dossier.status },
    );
  }
}

function factsOfEntry(entries: readonly EntryFacts[], entry: DecisionEntry): EntryFacts {
  const facts = entries.find((e) => e.dossier.dossierId === entry.dossierId);
  if (!facts) throw new InvalidInput(`no signing facts for dossier ${entry.dossierId}`, 'entries');
  return facts;
}

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  streamType: DECISION_STREAM_TYPE,
  initialState: initialDecisionState,
  evolve: evolveDecision,
  decide: decideDecision,
};
