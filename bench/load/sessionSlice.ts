/**
 * The council sessions of the command slice: each district council votes on dossiers of
 * its own district. Set-up rates, submits, appraises and convenes; the runs cast the ballots.
 */
import { createHash } from 'node:crypto';
import { tinyPdf } from '../../src/documents/tinyPdf';
import { requiredDocumentKinds } from '../../src/rules/dossierDocuments';
import { ruleSetFor } from '../../src/rules/ruleSets';
import { AwardKind, PerformanceRating, PeriodKind, SubjectKind } from '../../src/shared/domain';
import type { GraphQLOp } from '../generator';
import type { Actor, CouncilInfo, Province } from '../province';
import type { Random } from '../random';
import { officerOf, op } from './sliceOps';

/** A file the proposing unit's officer uploads (`POST /documents`) before attaching it by its hash. */
export interface SliceDocument {
  content: Buffer;
  actor: Actor;
  dossierId: string;
}

interface SliceSession {
  id: string;
  council: CouncilInfo;
  nominees: string[];
  dossierIds: string[];
}

export interface SessionSlice {
  /** Everyone on an agenda: the rest of the slice leaves them alone. */
  nominees: Set<string>;
  ratings: GraphQLOp[];
  submits: GraphQLOp[];
  /** The documents the rule set requires of each dossier, uploaded after the submissions. */
  documents: SliceDocument[];
  attachments: GraphQLOp[];
  appraisals: GraphQLOp[];
  convenings: GraphQLOp[];
  /** Every member's ballot on every dossier of its session, shuffled. */
  ballots: GraphQLOp[];
}

/**
 * Sessions until about `ballotsWanted` ballots are planned (at most 400 sessions). The
 * dossiers are submitted on `submittedOn`, the app's today, whose rule set names their documents.
 */
export function planSessionSlice(
  province: Province,
  rng: Random,
  ballotsWanted: number,
  year: number,
  submittedOn: string,
): SessionSlice {
  const nominees = new Set<string>();
  const sessions = planSessions(province, rng, ballotsWanted, year, nominees);
  const slice: SessionSlice = {
    nominees,
    ratings: [],
    submits: [],
    documents: [],
    attachments: [],
    appraisals: [],
    convenings: [],
    ballots: [],
  };
  for (const session of sessions) {
    session.nominees.forEach((personId, i) => {
      addNominee(province, rng, slice, session, personId, i, year);
      addDocuments(slice, session.dossierIds[i], officerOf(province.personById.get(personId)!.unitId), submittedOn);
    });
    slice.convenings.push(
      op(
        'conveneCouncilSession',
        {
          input: {
            id: session.id,
            councilUnitId: session.council.unitId,
            heldOn: `${year}-12-10`,
            memberIds: session.council.memberIds,
            dossierIds: session.dossierIds,
          },
        },
        session.council.secretariat,
      ),
    );
  }
  rng.shuffle(slice.ballots);
  return slice;
}

function planSessions(
  province: Province,
  rng: Random,
  ballotsWanted: number,
  year: number,
  used: Set<string>,
): SliceSession[] {
  const districts = province.districts.filter((d) => d.council.memberIds.length >= 3);
  const agendaSize = Math.max(4, Math.min(40, Math.ceil(ballotsWanted / 10)));
  const sessions: SliceSession[] = [];
  let ballotsPlanned = 0;
  for (let s = 0; ballotsPlanned < ballotsWanted && s < 400 && districts.length > 0; s++) {
    const d = districts[s % districts.length];
    const pool = [...d.communeIds, ...d.villageIds, ...d.officeIds]
      .flatMap((id) => province.unitById.get(id)!.people)
      .filter((id) => !used.has(id) && !d.council.memberIds.includes(id));
    const nominees = rng.sample(pool, agendaSize);
    if (nominees.length === 0) break;
    nominees.forEach((id) => used.add(id));
    sessions.push({
      id: `${province.prefix}bench-phien-${year}-${s + 1}`,
      council: d.council,
      nominees,
      dossierIds: nominees.map((n) => `${province.prefix}bench-hs-${year}-${n}`),
    });
    ballotsPlanned += nominees.length * (d.council.memberIds.length - 2);
  }
  return sessions;
}

/** A nominee's rating, dossier and appraisal, and the members' ballots on it. */
function addNominee(
  province: Province,
  rng: Random,
  slice: SessionSlice,
  session: SliceSession,
  personId: string,
  index: number,
  year: number,
): void {
  const person = province.personById.get(personId)!;
  const dossierId = session.dossierIds[index];
  const nominee = { kind: SubjectKind.INDIVIDUAL, id: personId };
  const period = { kind: PeriodKind.CALENDAR_YEAR, year };
  const officer = officerOf(person.unitId);
  slice.ratings.push(
    op('ratePerformance', { input: { subject: nominee, period, rating: PerformanceRating.GOOD } }, officer),
  );
  const achievements = 'Hoàn thành tốt nhiệm vụ được giao.';
  slice.submits.push(
    op(
      'submitDossier',
      {
        input: {
          id: dossierId,
          proposingUnitId: person.unitId,
          nominee,
          award: AwardKind.ADVANCED_WORKER,
          period,
          achievements,
        },
      },
      officer,
    ),
  );
  slice.appraisals.push(op('appraiseDossier', { dossierId, note: null }, session.council.secretariat));
  for (const memberId of session.council.memberIds) {
    const member = province.personById.get(memberId)!;
    if (memberId === personId || member.unitId === person.unitId) continue;
    const choice = rng.chance(0.92) ? 'APPROVE' : 'ABSTAIN';
    slice.ballots.push(
      op(
        'castBallot',
        { input: { sessionId: session.id, dossierId, memberId, choice } },
        { actorId: memberId, role: 'COUNCIL_MEMBER', unitId: member.unitId },
      ),
    );
  }
}

/** Each document the rule set of `submittedOn` requires of the dossier: its upload and its attachment. */
function addDocuments(slice: SessionSlice, dossierId: string, officer: Actor, submittedOn: string): void {
  const kinds = requiredDocumentKinds(ruleSetFor(submittedOn).dossierDocuments, AwardKind.ADVANCED_WORKER);
  for (const kind of kinds) {
    const content = tinyPdf(`${kind} ${dossierId}`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    slice.documents.push({ content, actor: officer, dossierId });
    const fileName = `${kind.toLowerCase()}.pdf`;
    slice.attachments.push(op('attachDocument', { dossierId, kind, sha256, fileName }, officer));
  }
}
