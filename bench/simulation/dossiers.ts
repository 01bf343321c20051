import { createHash } from 'node:crypto';
/**
 * A dossier's way to its council: submitted by the standing agency, sometimes returned
 * for more evidence and resubmitted by the proposing unit, then appraised by the real
 * rule engine on the facts the handler would assemble.
 */
import { dossierDecider } from '../../src/dossiers/dossier.decider';
import { movementDecider } from '../../src/movements/movement.decider';
import { documentsChecked, requiredDocumentKinds } from '../../src/rules/dossierDocuments';
import { ruleSetFor } from '../../src/rules/ruleSets';
import {
  DossierProcedure,
  MovementKind,
  SubjectKind,
  type AwardKind,
  type Period,
  type SubjectRef,
} from '../../src/shared/domain';
import { unitDecider } from '../../src/units/unit.decider';
import type { Actor, CouncilInfo } from '../province';
import { DAY, dateOf, dayStart, MINUTE } from './calendar';
import type { Simulation } from './simulation';
import type { SimTransaction } from './transaction';

/** A dossier of a round, for its council session and the award decision after it. */
export interface RoundDossier {
  dossierId: string;
  council: CouncilInfo;
  issuerUnitId: string;
}

/** Who is proposed for what, submitted in [from, to] and appraised before `appraiseBy`. */
export interface Proposal {
  nominee: SubjectRef;
  award: AwardKind;
  period: Period;
  movementId: string | null;
  from: string;
  to: string;
  appraiseBy: string;
  /** Decided by the province's council (else by the district's, or by a province public-service unit itself). */
  provinceLevel: boolean;
}

interface Dossier extends RoundDossier {
  proposingUnitId: string;
  achievements: string;
  /** The council's secretariat, which submits and appraises. */
  actor: Actor;
}

const ACHIEVEMENTS = [
  'Hoàn thành xuất sắc nhiệm vụ được giao; chấp hành tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.',
  'Tích cực tham gia phong trào thi đua, có tinh thần tự lực, tự cường, đoàn kết, tương trợ.',
  'Có sáng kiến cải tiến quy trình công việc, nâng cao hiệu quả phục vụ người dân.',
  'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 100%, không có hồ sơ quá hạn.',
  'Học sinh khá giỏi tăng so với năm trước; tham gia tích cực hội thi giáo viên dạy giỏi cấp huyện.',
  'Đơn vị hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội, giữ vững an ninh trật tự.',
];
const RETURN_REASONS = [
  'Thiếu bản nhận xét, đánh giá của thủ trưởng đơn vị',
  'Thiếu biên bản họp xét của Hội đồng thi đua cơ sở',
  'Báo cáo thành tích chưa có số liệu minh chứng',
];

/** Schedules the dossier's way to appraisal and adds it to the round. */
export function submitDossier(sim: Simulation, round: RoundDossier[], proposal: Proposal): void {
  const dossier = dossierFor(sim, proposal);
  const submitAt = sim.officeTime(proposal.from, proposal.to);
  scheduleSubmission(sim, dossier, proposal, submitAt);
  const limit = dayStart(proposal.appraiseBy) + 10 * 60 * MINUTE;
  const readyAt = sim.rng.chance(0.1) ? scheduleReturn(sim, dossier, submitAt, limit) : submitAt;
  scheduleAppraisal(sim, dossier, readyAt, limit);
  round.push({ dossierId: dossier.dossierId, council: dossier.council, issuerUnitId: dossier.issuerUnitId });
}

function dossierFor(sim: Simulation, proposal: Proposal): Dossier {
  const { nominee, provinceLevel } = proposal;
  const p = sim.province;
  const individual = nominee.kind === SubjectKind.INDIVIDUAL;
  const unitId = individual ? p.personById.get(nominee.id)!.unitId : nominee.id;
  const unit = p.unitById.get(unitId)!;
  const council = sim.councilFor(unit, provinceLevel);
  const dossierId = `${sim.prefix}hs-${proposal.period.year}-${String(sim.next('dossier')).padStart(6, '0')}`;
  return {
    dossierId,
    council,
    // A province public-service unit (level UNIT) grants its own unit-level titles;
    // councils' committees grant the rest.
    issuerUnitId: !provinceLevel && unit.role === 'deptSub' ? unit.id : council.unitId,
    proposingUnitId: individual ? unitId : (unit.parentId ?? unitId),
    achievements: sim.rng.pick(ACHIEVEMENTS),
    actor: council.secretariat,
  };
}

function scheduleSubmission(sim: Simulation, dossier: Dossier, proposal: Proposal, submitAt: number): void {
  const { dossierId, proposingUnitId, achievements } = dossier;
  const { nominee, award, period, movementId } = proposal;
  const submittedOn = dateOf(submitAt);
  sim.at(submitAt, () =>
    sim.run(
      submitAt,
      dossier.actor,
      'submitDossier',
      () => ({
        input: {
          id: dossierId,
          proposingUnitId,
          nominee: { kind: nominee.kind, id: nominee.id },
          award,
          period,
          movementId,
          achievements,
          submittedOn,
        },
      }),
      (tx) => submit(sim, tx, dossier, proposal, submittedOn),
    ),
  );
  if (documentsChecked(submittedOn)) scheduleDocuments(sim, dossier, proposal, submitAt);
}

/**
 * The documents its rule set requires, attached a minute apart after the submission, as
 * the proposing unit's officer would upload them. Their hashes stand for files the
 * generator does not write: the log holds only the hashes.
 */
function scheduleDocuments(sim: Simulation, dossier: Dossier, proposal: Proposal, submitAt: number): void {
  const { dossierId } = dossier;
  const kinds = requiredDocumentKinds(ruleSetFor(dateOf(submitAt)).dossierDocuments, proposal.award);
  kinds.forEach((kind, i) => {
    const at = submitAt + (i + 1) * MINUTE;
    const sha256 = createHash('sha256').update(`${dossierId}:${kind}`).digest('hex');
    const fileName = `${kind.toLowerCase()}.pdf`;
    sim.at(at, () =>
      sim.run(
        at,
        dossier.actor,
        'attachDocument',
        () => ({ dossierId, kind, sha256, fileName }),
        (tx) =>
          tx.decide(dossierDecider, tx.load(dossierDecider, dossierId), {
            type: 'AttachDocument',
            data: {
              dossierId,
              kind,
              sha256,
              fileName,
              stored: { size: 40_000 + (parseInt(sha256.slice(0, 4), 16) % 20_000), contentType: 'application/pdf' },
              attachedBy: dossier.actor.actorId,
              now: tx.nowIso,
            },
          }),
      ),
    );
  });
}

/** What the submitting handler looks up (the proposing unit, the nominee, the movement), then the decision. */
function submit(sim: Simulation, tx: SimTransaction, dossier: Dossier, proposal: Proposal, submittedOn: string): void {
  const { dossierId, proposingUnitId, achievements } = dossier;
  const { nominee, award, period, movementId } = proposal;
  const ruleSet = ruleSetFor(submittedOn);
  const proposing = tx.load(unitDecider, proposingUnitId).state;
  if (proposing.status === 'NONE') throw new Error(`unknown unit ${proposingUnitId}`);
  const known = sim.subjectOf(nominee.kind, nominee.id);
  let movementThematic = false;
  if (movementId) {
    const movement = tx.load(movementDecider, movementId).state;
    if (movement.status === 'NONE') throw new Error(`unknown movement ${movementId}`);
    movementThematic = movement.kind === MovementKind.THEMATIC;
  }
  tx.decide(
    dossierDecider,
    tx.load(dossierDecider, dossierId),
    {
      type: 'SubmitDossier',
      data: {
        dossierId,
        proposingUnitId,
        proposingUnitName: proposing.name,
        nominee: { kind: known.kind, id: known.id, name: known.name },
        nomineeUnitId: known.unitId,
        award,
        period: { kind: period.kind, year: period.year },
        movementId,
        movementThematic,
        achievements,
        submittedOn,
        ruleSetId: ruleSet.id,
        procedure: DossierProcedure.STANDARD,
        achievedOn: null,
        now: tx.nowIso,
      },
    },
    { ruleSetId: ruleSet.id },
  );
}

/**
 * Returned a few days after submission and resubmitted by the proposing unit, when both
 * fit before the appraisal's limit; returns when the dossier is ready for appraisal.
 */
function scheduleReturn(sim: Simulation, dossier: Dossier, submitAt: number, limit: number): number {
  const { dossierId } = dossier;
  const returnAt = Math.min(submitAt + sim.rng.int(1, 3) * DAY, limit - 3 * DAY);
  const resubmitAt = Math.min(returnAt + sim.rng.int(1, 3) * DAY, limit - 2 * DAY);
  if (!(returnAt > submitAt && resubmitAt > returnAt)) return submitAt;
  const reason = sim.rng.pick(RETURN_REASONS);
  const more = `${dossier.achievements} Đã bổ sung hồ sơ theo yêu cầu.`;
  sim.at(returnAt, () =>
    sim.run(
      returnAt,
      dossier.actor,
      'returnDossier',
      () => ({ dossierId, reason }),
      (tx) => {
        tx.decide(dossierDecider, tx.load(dossierDecider, dossierId), {
          type: 'ReturnDossier',
          data: { dossierId, reason, now: tx.nowIso },
        });
      },
    ),
  );
  sim.at(resubmitAt, () =>
    sim.run(
      resubmitAt,
      sim.officerOf(dossier.proposingUnitId),
      'resubmitDossier',
      () => ({ dossierId, achievements: more }),
      (tx) => {
        tx.decide(dossierDecider, tx.load(dossierDecider, dossierId), {
          type: 'ResubmitDossier',
          data: { dossierId, achievements: more, now: tx.nowIso },
        });
      },
    ),
  );
  return resubmitAt;
}

/** Appraised one to five days after it is ready, before the limit; the rule engine decides eligibility. */
function scheduleAppraisal(sim: Simulation, dossier: Dossier, readyAt: number, limit: number): void {
  const { dossierId } = dossier;
  const appraiseAt = Math.min(readyAt + sim.rng.int(1, 5) * DAY, limit - sim.rng.int(0, 300) * MINUTE);
  const appraisedAt = appraiseAt > readyAt ? appraiseAt : readyAt + 10 * MINUTE;
  const note = sim.rng.chance(0.2) ? 'Đã đối chiếu hồ sơ với quy định hiện hành' : null;
  sim.at(appraisedAt, () =>
    sim.run(
      appraisedAt,
      dossier.actor,
      'appraiseDossier',
      () => ({ dossierId, note }),
      (tx) => {
        const loaded = tx.load(dossierDecider, dossierId);
        const state = loaded.state;
        if (state.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
        const facts = sim.facts.eligibilityFacts(
          sim.streams,
          state.nominee,
          state.nomineeUnitId,
          state.award,
          state.period,
        );
        tx.decide(
          dossierDecider,
          loaded,
          { type: 'AppraiseDossier', data: { dossierId, note, facts, now: tx.nowIso } },
          { ruleSetId: state.ruleSetId },
        );
      },
    ),
  );
}
