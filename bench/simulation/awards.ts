/**
 * Award decisions after a council session: one decision number per session and issuer,
 * each approved dossier's award granted under it, and the award remembered as the read
 * models would (awards held, the unit's counts, a sample for the read benchmarks).
 */
import { awardDecider, type AwardDossierFacts } from '../../src/awards/award.decider';
import { councilSessionDecider } from '../../src/councilSessions/councilSession.decider';
import type { AwardGranted } from '../../src/awards/award.events';
import { dossierDecider, type SubmittedDossier } from '../../src/dossiers/dossier.decider';
import { requireMayYieldAward } from '../../src/dossiers/dossier.rules';
import { ruleSetFor } from '../../src/rules/ruleSets';
import { addDays, DossierStatus, periodKey, type AuthorityLevel } from '../../src/shared/domain';
import { unitDecider } from '../../src/units/unit.decider';
import type { Actor, CouncilInfo } from '../province';
import { dayStart, MINUTE } from './calendar';
import type { RoundDossier } from './dossiers';
import type { Simulation } from './simulation';
import type { SimTransaction } from './transaction';
import type { Step } from './types';

interface Decision {
  decisionNumber: string;
  decidedOn: string;
  issuedByUnitId: string;
  signerName: string;
}

/** The decisions on the session's approved dossiers, two to four days after it. */
export function scheduleDecisions(sim: Simulation, council: CouncilInfo, items: RoundDossier[], heldOn: string): void {
  const decidedOn = addDays(heldOn, sim.rng.int(2, 4));
  sim.at(dayStart(decidedOn), () => {
    const approved = items.filter((i) => sim.state(dossierDecider, i.dossierId).status === DossierStatus.APPROVED);
    const byIssuer = new Map<string, RoundDossier[]>();
    for (const item of approved) {
      const issuer = issuerOn(sim, item, decidedOn);
      byIssuer.set(issuer, [...(byIssuer.get(issuer) ?? []), item]);
    }
    for (const [issuedByUnitId, list] of byIssuer) {
      const next = (sim.decisionSeq.get(issuedByUnitId) ?? sim.rng.int(100, 400)) + sim.rng.int(1, 9);
      sim.decisionSeq.set(issuedByUnitId, next);
      const decision: Decision = {
        decisionNumber: `${next}/QĐ-UBND`,
        decidedOn,
        issuedByUnitId,
        signerName: signerOf(sim, issuedByUnitId, council),
      };
      list.forEach((item, i) => {
        const at = dayStart(decidedOn) + 90 * MINUTE + i * MINUTE;
        sim.at(at, () => grantAward(sim, at, council.secretariat, item.dossierId, decision));
      });
    }
  });
}

/**
 * The dossier's issuer, unless its level no longer exists on the decision date (no district
 * level from 2025-07-01): then the nominee's own unit where its level may grant the award,
 * else a unit of the same former district that may, else the province.
 */
function issuerOn(sim: Simulation, item: RoundDossier, decidedOn: string): string {
  const ruleSet = ruleSetFor(decidedOn);
  const levelOf = (unitId: string) => sim.province.unitById.get(unitId)!.level;
  if (!ruleSet.abolishedAuthorityLevels.includes(levelOf(item.issuerUnitId))) return item.issuerUnitId;
  const dossier = sim.state(dossierDecider, item.dossierId);
  if (dossier.status === 'NONE') throw new Error(`unknown dossier ${item.dossierId}`);
  const allowed = ruleSet.grantingLevels[dossier.award];
  if (allowed.includes(levelOf(dossier.nomineeUnitId))) return dossier.nomineeUnitId;
  const district = sim.province.unitById.get(item.issuerUnitId)!.district;
  const nearby = sim.province.units.find((unit) => unit.district === district && allowed.includes(unit.level));
  return nearby?.id ?? sim.province.provinceUnitId;
}

/** The council's chairman signs the committee's decisions; a unit's head signs its own. */
function signerOf(sim: Simulation, issuerUnitId: string, council: CouncilInfo): string {
  if (issuerUnitId === council.unitId) return council.signerName;
  const unit = sim.province.unitById.get(issuerUnitId)!;
  const head = unit.people.length > 0 ? sim.province.personById.get(unit.people[0]) : undefined;
  return head?.fullName ?? `Thủ trưởng ${unit.name}`;
}

/** The dossier as the award's rules read it, as the app's handler reads it (no simplified procedure here). */
function dossierFacts(tx: SimTransaction, d: SubmittedDossier): AwardDossierFacts {
  return {
    dossierId: d.dossierId,
    status: d.status,
    nominee: d.nominee,
    nomineeUnitId: d.nomineeUnitId,
    award: d.award,
    period: d.period,
    movementId: d.movementId,
    thematic: d.movementThematic,
    grantableWithoutCouncil: false,
    approvedAtLevel: approvingCouncilLevel(tx, d),
  };
}

/** The level of the council whose session approved the dossier, as the app's handler finds it. */
function approvingCouncilLevel(tx: SimTransaction, dossier: SubmittedDossier): AuthorityLevel | null {
  if (dossier.status !== DossierStatus.APPROVED || dossier.sessionId === null) return null;
  const session = tx.load(councilSessionDecider, dossier.sessionId).state;
  if (session.status === 'NONE') return null;
  const council = tx.load(unitDecider, session.councilUnitId).state;
  return council.status === 'NONE' ? null : council.level;
}

function grantAward(sim: Simulation, at: number, actor: Actor, dossierId: string, decision: Decision): Step {
  const awardId = `${sim.prefix}kt-${dossierId.slice(sim.prefix.length + 3)}`;
  const { decisionNumber, decidedOn, issuedByUnitId, signerName } = decision;
  return sim.run(
    at,
    actor,
    'grantAward',
    () => ({ input: { id: awardId, dossierId, decisionNumber, decidedOn, issuedByUnitId, signerName } }),
    (tx) => {
      const granted = decideGrant(sim, tx, awardId, dossierId, decision);
      rememberAward(sim, awardId, dossierId, granted);
    },
  );
}

/**
 * What the granting handler checks and decides: the award (on the dossier's facts, the
 * issuer's level and the decision on record), recorded on the dossier; the award stream
 * follows as the app's process manager creates it.
 */
function decideGrant(
  sim: Simulation,
  tx: SimTransaction,
  awardId: string,
  dossierId: string,
  decision: Decision,
): SubmittedDossier {
  const { decisionNumber, decidedOn, issuedByUnitId, signerName } = decision;
  const dossier = tx.load(dossierDecider, dossierId);
  const d = dossier.state;
  if (d.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
  requireMayYieldAward(d);
  const issuer = tx.load(unitDecider, issuedByUnitId).state;
  if (issuer.status === 'NONE') throw new Error(`unknown unit ${issuedByUnitId}`);
  const subject = sim.subjectOf(d.nominee.kind, d.nominee.id);
  const decisionKey = `${issuedByUnitId}|${decisionNumber}`;
  const decisionFacts = sim.facts.decisionOnRecord(decisionKey);
  const [granted] = awardDecider.decide(
    {
      type: 'GrantAward',
      data: {
        awardId,
        dossier: dossierFacts(tx, d),
        subjectFacts: { directWorker: subject.directWorker, female: subject.female },
        issuingUnit: { id: issuedByUnitId, level: issuer.level },
        decisionNumber,
        decidedOn,
        signerName,
        facts: { heldSameKindSamePeriod: sim.facts.heldSameKindSamePeriod(d.nominee, d.award, d.period) },
        decisionFacts,
        now: tx.nowIso,
      },
    },
    tx.load(awardDecider, awardId).state,
  );
  const record = {
    type: 'RecordAwardGranted' as const,
    data: {
      dossierId,
      awardId,
      decisionNumber,
      decidedOn,
      grantedAward: granted.data as AwardGranted['data'],
      now: tx.nowIso,
    },
  };
  tx.decide(dossierDecider, dossier, record, { ruleSetId: d.ruleSetId, resultId: awardId });
  if (!decisionFacts) sim.facts.recordDecision(decisionKey, { decidedOn, signerName });
  return d;
}

function rememberAward(sim: Simulation, awardId: string, dossierId: string, d: SubmittedDossier): void {
  sim.facts.recordAward(d.nominee, {
    awardId,
    award: d.award,
    period: d.period,
    revoked: false,
    fromThematicMovement: d.movementThematic,
    unitKey: `${d.nomineeUnitId}|${periodKey(d.period)}`,
  });
  sim.sampleAward({
    awardId,
    dossierId,
    subject: { kind: d.nominee.kind, id: d.nominee.id, name: d.nominee.name },
  });
}
