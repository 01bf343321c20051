/**
 * Complaints, denunciations and petitions received by the province's complaint desk:
 * about last years' awards, about the year-end dossiers, or about units with no award
 * behind them; each is then dismissed, or accepted and resolved.
 */
import { awardDecider } from '../../src/awards/award.decider';
import { complaintDecider } from '../../src/complaints/complaint.decider';
import { dossierDecider } from '../../src/dossiers/dossier.decider';
import { ComplaintKind, SubjectKind, subjectKey, type SubjectRef } from '../../src/shared/domain';
import { COMPLAINANTS_NOTE } from '../names';
import { personName, type Actor } from '../province';
import { dateOf, ymd } from './calendar';
import { scheduleComplaintOutcome } from './complaintOutcomes';
import type { RoundDossier } from './dossiers';
import type { Simulation } from './simulation';
import type { SimTransaction } from './transaction';

/** What a complaint is about: an award, a dossier, or a subject. */
interface ComplaintTarget {
  awardId?: string;
  dossierId?: string;
  subject?: SubjectRef;
}

export interface Complaint {
  complaintId: string;
  kind: ComplaintKind;
  complainantName: string;
  content: string;
  receivedOn: string;
  /** The complaint officer of the province's standing agency. */
  officer: Actor;
  awardId: string | null;
  dossierId: string | null;
  subject: SubjectRef | null;
}

type NamedSubject = { kind: SubjectKind; id: string; name: string };

/** About some of last year's awards (and a few of the year before), and petitions about units. */
export function planComplaintsAboutAwards(sim: Simulation, year: number): void {
  const { rng, facts } = sim;
  const previous = [
    ...(facts.awardsOfYear(year - 1) ?? []),
    ...(facts.awardsOfYear(year - 2) ?? []).filter(() => rng.chance(0.1)),
  ];
  const targets = rng.sample(previous, Math.round((facts.awardsOfYear(year - 1)?.length ?? 0) * 0.055));
  for (const awardId of targets)
    fileComplaint(sim, year, sim.officeTime(ymd(year, 1, 10), ymd(year, 3, 31)), { awardId });
  // Petitions about units, with no award behind them.
  const units = sim.province.units;
  for (let i = 0; i < Math.round(units.length * 0.01); i++)
    fileComplaint(
      sim,
      year,
      sim.officeTime(ymd(year, 2, 1), ymd(year, 10, 31)),
      { subject: { kind: SubjectKind.COLLECTIVE, id: rng.pick(units).id } },
      ComplaintKind.PETITION,
    );
}

/** Denunciations about a few of the year-end round's dossiers, before the councils meet. */
export function planComplaintsAboutDossiers(sim: Simulation, year: number, round: RoundDossier[]): void {
  for (const item of sim.rng.sample(round, Math.round(round.length * 0.006)))
    fileComplaint(
      sim,
      year,
      sim.officeTime(ymd(year, 12, 4), ymd(year, 12, 8)),
      { dossierId: item.dossierId },
      ComplaintKind.DENUNCIATION,
    );
}

function fileComplaint(
  sim: Simulation,
  year: number,
  receivedAt: number,
  target: ComplaintTarget,
  forcedKind?: ComplaintKind,
): void {
  const { rng } = sim;
  const complaintId = `${sim.prefix}kn-${year}-${String(sim.next('complaint')).padStart(5, '0')}`;
  const kind =
    forcedKind ??
    rng.weighted([
      [ComplaintKind.COMPLAINT, 60],
      [ComplaintKind.DENUNCIATION, 25],
      [ComplaintKind.PETITION, 15],
    ] as const);
  const complainantName = personName(rng, rng.chance(0.5));
  const secretariat = sim.province.provinceCouncil.secretariat;
  const complaint: Complaint = {
    complaintId,
    kind,
    complainantName,
    content: rng.pick(COMPLAINANTS_NOTE),
    receivedOn: dateOf(receivedAt),
    officer: { actorId: secretariat.actorId, role: 'COMPLAINT_OFFICER', unitId: secretariat.unitId },
    awardId: target.awardId ?? null,
    dossierId: target.dossierId ?? null,
    subject: target.subject ?? null,
  };
  scheduleFiling(sim, complaint, receivedAt);
  scheduleComplaintOutcome(sim, complaint);
}

function scheduleFiling(sim: Simulation, complaint: Complaint, receivedAt: number): void {
  const { complaintId, kind, complainantName, receivedOn, content, awardId, dossierId } = complaint;
  sim.at(receivedAt, () =>
    sim.run(
      receivedAt,
      complaint.officer,
      'fileComplaint',
      () => ({
        input: {
          id: complaintId,
          kind,
          complainantName,
          receivedOn,
          content,
          awardId,
          dossierId,
          subject: complaint.subject,
        },
      }),
      (tx) => {
        const subject = complaintSubject(sim, tx, complaint);
        tx.decide(complaintDecider, tx.load(complaintDecider, complaintId), {
          type: 'FileComplaint',
          data: {
            complaintId,
            kind,
            complainantName,
            receivedOn,
            content,
            awardId,
            dossierId,
            subject: subject === null ? null : { kind: subject.kind, id: subject.id, name: subject.name },
            now: tx.nowIso,
          },
        });
        if (subject && (kind === ComplaintKind.COMPLAINT || kind === ComplaintKind.DENUNCIATION))
          sim.facts.adjustPending(subjectKey(subject), 1);
      },
    ),
  );
}

/**
 * Whom the complaint is about, as the filing handler looks it up: the award's subject,
 * else the dossier's nominee, or the subject it names.
 */
function complaintSubject(sim: Simulation, tx: SimTransaction, complaint: Complaint): NamedSubject | null {
  const { awardId, dossierId } = complaint;
  let subject: NamedSubject | null = null;
  if (awardId) {
    const award = tx.load(awardDecider, awardId).state;
    if (award.status === 'NONE') throw new Error(`unknown award ${awardId}`);
    subject = award.grant.subject;
  }
  if (dossierId && !subject) {
    const dossier = tx.load(dossierDecider, dossierId).state;
    if (dossier.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
    subject = dossier.nominee;
  }
  if (complaint.subject) {
    const known = sim.subjectOf(complaint.subject.kind, complaint.subject.id);
    subject = { kind: known.kind, id: known.id, name: known.name };
  }
  return subject;
}
