import { mulberry32, Random } from '../../bench/random';
import type { YearlyTotalsRow } from '../../projections/yearlyTotals/yearlyTotals.queries';
import type { AwardGranted, AwardRevoked } from '../../src/awards/award.events';
import { acceptanceDueOn, complaintOverdue, resolutionDueOn } from '../../src/complaints/complaint.deadlines';
import { DenunciationComplexity } from '../../src/complaints/complaint.events';
import type {
  ComplaintAccepted,
  ComplaintDismissed,
  ComplaintFiled,
  ComplaintMarkedComplex,
  ComplaintResolved,
  ComplaintSubject,
  DenunciationExtended,
} from '../../src/complaints/complaint.events';
import { ballotStreamIdOf } from '../../src/ballots/ballot.decider';
import type { CouncilSessionClosed, CouncilSessionConvened } from '../../src/councilSessions/councilSession.events';
import type {
  DossierAppraised,
  DossierContext,
  DossierGranted,
  DossierResolved,
  DossierResubmitted,
  DossierReturned,
  DossierSubmitted,
  DossierWithdrawn,
} from '../../src/dossiers/dossier.events';
import type { PersonRegistered, PersonTransferred } from '../../src/people/person.events';
import type { UnitMerged } from '../../src/units/unit.events';
import { cashRewardOn } from '../../src/awards/award.decider';
import { AWARD_CATALOG } from '../../src/rules/awardCatalog';
import { ruleSetFor } from '../../src/rules/ruleSets';
import {
  AuthorityLevel,
  AwardKind,
  ComplaintKind,
  ComplaintOutcome,
  ComplaintStatus,
  MovementKind,
  PeriodKind,
  SubjectKind,
  UnitKind,
  addDays,
  daysBetween,
  type IsoDate,
  type Period,
} from '../../src/shared/domain';
import type { UnitRegistered } from '../../src/units/unit.events';
import type { MovementLaunched } from '../../src/movements/movement.events';
import type { WorkforceReported } from '../../src/workforceReports/workforceReport.events';
import { workforceFigures } from '../support/workforceFigures';

/**
 * For the yearly-totals oracle test: a seeded generator of random but valid histories
 * (event data shaped as each stream type's events file declares it), and the
 * definitions of the yearly totals folded over such a history in plain TypeScript.
 */

// ---------------------------------------------------------------------------
// A seeded generator of valid histories
// ---------------------------------------------------------------------------

export interface GeneratedEvent {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  recordedAt: string;
}

/** Two roots (a province and a ministry) and a few levels below them. */
export const UNITS: Array<{ id: string; parent: string | null; level: AuthorityLevel; kind: UnitKind }> = [
  { id: 'tinh', parent: null, level: AuthorityLevel.PROVINCE, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'huyen-a', parent: 'tinh', level: AuthorityLevel.DISTRICT, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'huyen-b', parent: 'tinh', level: AuthorityLevel.DISTRICT, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'xa-a1', parent: 'huyen-a', level: AuthorityLevel.COMMUNE, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'xa-a2', parent: 'huyen-a', level: AuthorityLevel.COMMUNE, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'xa-a3', parent: 'huyen-a', level: AuthorityLevel.COMMUNE, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'xa-b1', parent: 'huyen-b', level: AuthorityLevel.COMMUNE, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'xa-b2', parent: 'huyen-b', level: AuthorityLevel.COMMUNE, kind: UnitKind.PEOPLES_COMMITTEE },
  { id: 'truong-a1', parent: 'xa-a1', level: AuthorityLevel.UNIT, kind: UnitKind.SCHOOL },
  { id: 'truong-b1', parent: 'xa-b1', level: AuthorityLevel.UNIT, kind: UnitKind.SCHOOL },
  { id: 'so-gd', parent: 'tinh', level: AuthorityLevel.UNIT, kind: UnitKind.AGENCY },
  { id: 'truong-thpt', parent: 'so-gd', level: AuthorityLevel.UNIT, kind: UnitKind.SCHOOL },
  { id: 'bo-noi-vu', parent: null, level: AuthorityLevel.MINISTRY, kind: UnitKind.AGENCY },
  { id: 'vu-tdkt', parent: 'bo-noi-vu', level: AuthorityLevel.UNIT, kind: UnitKind.AGENCY },
];

const INDIVIDUAL_AWARDS: ReadonlyArray<readonly [AwardKind, number]> = [
  [AwardKind.ADVANCED_WORKER, 8],
  [AwardKind.GRASSROOTS_EMULATION_FIGHTER, 3],
  [AwardKind.PROVINCIAL_EMULATION_FIGHTER, 1],
  [AwardKind.CERTIFICATE_OF_MERIT, 2],
  [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT, 1],
  [AwardKind.COMMEMORATIVE_MEDAL, 1],
];
const COLLECTIVE_AWARDS: ReadonlyArray<readonly [AwardKind, number]> = [
  [AwardKind.ADVANCED_COLLECTIVE, 4],
  [AwardKind.EXCELLENT_COLLECTIVE, 2],
  [AwardKind.PROVINCIAL_EMULATION_FLAG, 1],
  [AwardKind.CERTIFICATE_OF_MERIT, 2],
  [AwardKind.LABOR_ORDER_THIRD_CLASS, 1],
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hải', 'Hạnh', 'Lan', 'Minh', 'Ngọc', 'Phúc', 'Quỳnh'];

interface GenDossier {
  context: DossierContext;
  status: 'SUBMITTED' | 'RETURNED' | 'ELIGIBLE' | 'INELIGIBLE' | 'APPROVED' | 'REJECTED' | 'GRANTED' | 'WITHDRAWN';
  returns: number;
  onAgenda: boolean;
}

interface GenComplaint {
  id: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  receivedOn: IsoDate;
  acceptedOn: IsoDate | null;
  awardId: string | null;
  dossierId: string | null;
}

/**
 * A history of several years: units, people, dossiers through their whole lifecycle,
 * sessions, awards, revocations, complaints.
 */
export function generateHistory(seed: number, steps: number): GeneratedEvent[] {
  const rng = new Random(seed, mulberry32);
  const events: GeneratedEvent[] = [];
  let clock = '2021-01-04';
  let counter = 0;
  const at = () => `${clock}T0${rng.int(1, 9)}:00:00.000Z`;
  const emit = (streamId: string, type: string, data: object) =>
    events.push({ streamId, type, data: data as Record<string, unknown>, recordedAt: at() });

  for (const u of UNITS) {
    emit(`unit-${u.id}`, 'UnitRegistered', {
      unitId: u.id,
      name: `Đơn vị ${u.id}`,
      kind: u.kind,
      level: u.level,
      parentUnitId: u.parent,
      sector: null,
      small: false,
    } satisfies UnitRegistered['data']);
  }
  // Movements of every kind and term, launched at every level over the years.
  const movements: Array<{ id: string; thematic: boolean }> = [];
  for (let i = 0; i < 40; i++) {
    const kind = rng.pick([MovementKind.REGULAR, MovementKind.PHASED, MovementKind.THEMATIC]);
    const startsOn = `${rng.int(2021, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    const endsOn =
      kind === MovementKind.REGULAR && rng.chance(0.5)
        ? null
        : addDays(startsOn, rng.pick([89, 364, 365, 700, 1200, 2000]));
    movements.push({ id: `pt-${i}`, thematic: kind === MovementKind.THEMATIC });
    emit(`movement-pt-${i}`, 'MovementLaunched', {
      movementId: `pt-${i}`,
      name: `Phong trào ${i}`,
      kind,
      launchedByUnitId: rng.pick(UNITS).id,
      startsOn,
      endsOn,
      criteria: [],
      participantUnitIds: [],
    } satisfies MovementLaunched['data']);
  }
  // Workforce reports, some corrected later in the log (the latest counts).
  for (let i = 0; i < 12; i++) {
    const unit = rng.pick(UNITS);
    const year = rng.int(2021, 2024);
    const figures = workforceFigures();
    figures.organisations.homeAffairsDivisions = rng.int(0, 9);
    emit(`workforce_report-${unit.id}:${year}`, 'WorkforceReported', {
      unitId: unit.id,
      unitName: `Đơn vị ${unit.id}`,
      year,
      figures,
      revision: 1,
      reportedAt: at(),
    } satisfies WorkforceReported['data']);
  }
  const people: Array<{ id: string; name: string; unitId: string; directWorker: boolean; female: boolean }> = [];
  for (let i = 0; i < 80; i++) {
    const person = {
      id: `p-${i}`,
      name: `${rng.pick(FAMILY)} Văn ${rng.pick(GIVEN)}`,
      unitId: rng.pick(UNITS).id,
      directWorker: rng.chance(0.3),
      female: rng.chance(0.5),
    };
    people.push(person);
    emit(`person-${person.id}`, 'PersonRegistered', {
      personId: person.id,
      fullName: person.name,
      unitId: person.unitId,
      unitName: `Đơn vị ${person.unitId}`,
      position: null,
      directWorker: person.directWorker,
      female: person.female,
    } satisfies PersonRegistered['data']);
  }

  const dossiers = new Map<string, GenDossier>();
  const awards = new Map<string, { data: AwardGranted['data']; revoked: boolean }>();
  const heldAwards = new Set<string>(); // subject|kind|period of awards not revoked
  const pendingSessions: Array<{ id: string; councilUnitId: string; dossierIds: string[] }> = [];
  const complaints = new Map<string, GenComplaint>();
  const inStatus = (...statuses: GenDossier['status'][]) =>
    [...dossiers.values()].filter((d) => statuses.includes(d.status) && !d.onAgenda);
  const heldKey = (c: DossierContext) =>
    `${c.nominee.kind}:${c.nominee.id}|${c.award}|${c.period.kind}:${c.period.year}`;
  const dossierEvent = (d: GenDossier, type: string, extra: object) =>
    emit(`dossier-${d.context.dossierId}`, type, { ...d.context, ...extra });

  const actions = {
    submit: () => {
      const individual = rng.chance(0.8);
      const year = Number(clock.slice(0, 4));
      const month = Number(clock.slice(5, 7));
      const kind = rng.chance(0.7) ? PeriodKind.CALENDAR_YEAR : PeriodKind.SCHOOL_YEAR;
      const period: Period = {
        kind,
        year: (kind === PeriodKind.SCHOOL_YEAR && month < 9 ? year - 1 : year) - (rng.chance(0.3) ? 1 : 0),
      };
      let nominee: DossierContext['nominee'];
      let nomineeUnitId: string;
      if (individual) {
        const p = rng.pick(people);
        nominee = { kind: SubjectKind.INDIVIDUAL, id: p.id, name: p.name };
        nomineeUnitId = p.unitId;
      } else {
        const u = rng.pick(UNITS);
        nominee = { kind: SubjectKind.COLLECTIVE, id: u.id, name: `Đơn vị ${u.id}` };
        nomineeUnitId = u.id;
      }
      const award = rng.weighted(individual ? INDIVIDUAL_AWARDS : COLLECTIVE_AWARDS);
      const dossierId = `hs-${++counter}`;
      const context: DossierContext = {
        dossierId,
        proposingUnitId: nomineeUnitId,
        nominee,
        nomineeUnitId,
        award,
        period,
      };
      const d: GenDossier = { context, status: 'SUBMITTED', returns: 0, onAgenda: false };
      dossiers.set(dossierId, d);
      dossierEvent(d, 'DossierSubmitted', {
        proposingUnitName: `Đơn vị ${nomineeUnitId}`,
        movementId: null,
        movementThematic: false,
        achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
        submittedOn: clock,
        submittedAt: `${clock}T02:00:00.000Z`,
        ruleSetId: clock < '2024-01-01' ? 'tdkt-2013' : clock < '2025-07-01' ? 'tdkt-2022' : 'tdkt-2025',
      } satisfies Omit<DossierSubmitted['data'], keyof DossierContext>);
    },
    return: () => {
      const candidates = inStatus('SUBMITTED');
      if (candidates.length === 0) return;
      const d = rng.pick(candidates);
      d.status = 'RETURNED';
      d.returns++;
      dossierEvent(d, 'DossierReturned', {
        reason: 'Thiếu hồ sơ',
        returnNo: d.returns,
        returnedAt: at(),
      } satisfies Omit<DossierReturned['data'], keyof DossierContext>);
    },
    resubmit: () => {
      const candidates = inStatus('RETURNED');
      if (candidates.length === 0) return;
      const d = rng.pick(candidates);
      d.status = 'SUBMITTED';
      dossierEvent(d, 'DossierResubmitted', {
        achievements: 'Bổ sung.',
        returnNo: d.returns,
        resubmittedAt: at(),
      } satisfies Omit<DossierResubmitted['data'], keyof DossierContext>);
    },
    appraise: () => {
      const candidates = inStatus('SUBMITTED');
      if (candidates.length === 0) return;
      const d = rng.pick(candidates);
      const eligible = rng.chance(0.8);
      d.status = eligible ? 'ELIGIBLE' : 'INELIGIBLE';
      dossierEvent(d, 'DossierAppraised', {
        eligible,
        ruleSetId: 'tdkt-2022',
        checks: [{ rule: 'RATING', passed: eligible, detail: 'xếp loại' }],
        note: null,
        appraisedAt: at(),
      } satisfies Omit<DossierAppraised['data'], keyof DossierContext>);
    },
    withdraw: () => {
      const candidates = inStatus('SUBMITTED', 'RETURNED', 'ELIGIBLE', 'INELIGIBLE');
      if (candidates.length === 0) return;
      const d = rng.pick(candidates);
      const statusBefore = d.status as DossierWithdrawn['data']['statusBefore'];
      d.status = 'WITHDRAWN';
      dossierEvent(d, 'DossierWithdrawn', { reason: 'Rút hồ sơ', statusBefore, withdrawnAt: at() } satisfies Omit<
        DossierWithdrawn['data'],
        keyof DossierContext
      >);
    },
    convene: () => {
      const candidates = inStatus('ELIGIBLE');
      if (candidates.length === 0) return;
      const agenda = candidates.slice(0, rng.int(1, 6));
      for (const d of agenda) d.onAgenda = true;
      const id = `phien-${++counter}`;
      const councilUnitId = rng.pick(['tinh', 'huyen-a', 'huyen-b']);
      pendingSessions.push({ id, councilUnitId, dossierIds: agenda.map((d) => d.context.dossierId) });
      emit(`council_session-${id}`, 'CouncilSessionConvened', {
        sessionId: id,
        councilUnitId,
        heldOn: addDays(clock, rng.int(0, 12)),
        members: [{ personId: 'p-0', name: people[0].name, unitId: people[0].unitId }],
        agenda: agenda.map((d) => ({
          dossierId: d.context.dossierId,
          award: d.context.award,
          nominee: d.context.nominee,
          nomineeUnitId: d.context.nomineeUnitId,
          thresholdShare: 0.5,
          thresholdInclusive: false,
        })),
        convenedAt: at(),
      } satisfies CouncilSessionConvened['data']);
    },
    close: () => {
      if (pendingSessions.length === 0) return;
      const session = pendingSessions.splice(rng.int(0, pendingSessions.length - 1), 1)[0];
      const tallies = session.dossierIds.map((dossierId) => {
        const approved = rng.chance(0.8);
        return {
          dossierId,
          tally: {
            approve: approved ? 1 : 0,
            reject: approved ? 0 : 1,
            abstain: 0,
            members: 1,
            thresholdShare: 0.5,
            thresholdInclusive: false,
            approved,
          },
        };
      });
      emit(`council_session-${session.id}`, 'CouncilSessionClosed', {
        sessionId: session.id,
        councilUnitId: session.councilUnitId,
        closedAt: at(),
        members: 1,
        membersVoted: 1,
        tallies,
        countedBallots: tallies.map(({ dossierId }) => ({
          dossierId,
          memberId: 'tv-1',
          ballotStreamId: ballotStreamIdOf(session.id, dossierId, 'tv-1'),
        })),
      } satisfies CouncilSessionClosed['data']);
      for (const { dossierId, tally } of tallies) {
        const d = dossiers.get(dossierId)!;
        d.status = tally.approved ? 'APPROVED' : 'REJECTED';
        d.onAgenda = false;
        dossierEvent(d, 'DossierResolved', {
          sessionId: session.id,
          approved: tally.approved,
          tally,
          resolvedAt: at(),
        } satisfies Omit<DossierResolved['data'], keyof DossierContext>);
      }
    },
    grant: () => {
      const candidates = inStatus('APPROVED').filter((d) => !heldAwards.has(heldKey(d.context)));
      if (candidates.length === 0) return;
      const d = rng.pick(candidates);
      const c = d.context;
      const person = c.nominee.kind === SubjectKind.INDIVIDUAL ? people.find((p) => p.id === c.nominee.id)! : null;
      const awardId = `kt-${++counter}`;
      const decisionNumber = `${counter}/QĐ-UBND`;
      const def = AWARD_CATALOG[c.award];
      const data: AwardGranted['data'] = {
        awardId,
        dossierId: c.dossierId,
        award: c.award,
        category: def.category,
        label: def.label,
        subject: c.nominee,
        subjectUnitId: c.nomineeUnitId,
        period: c.period,
        decisionNumber,
        decidedOn: clock,
        issuedByUnitId: 'tinh',
        issuedByLevel: AuthorityLevel.PROVINCE,
        signerName: 'Chủ tịch',
        // Some grants carry no amount fields at all, as older events do.
        ...(rng.chance(0.1) ? { cashMultiple: null } : cashRewardOn(ruleSetFor(clock), c.award, c.nominee.kind, clock)),
        directWorker: person?.directWorker ?? false,
        female: person?.female ?? false,
        ...(rng.chance(0.3)
          ? { movementId: null, thematic: false }
          : (({ id, thematic }) => ({ movementId: id, thematic }))(rng.pick(movements))),
        grantedAt: at(),
      };
      awards.set(awardId, { data, revoked: false });
      heldAwards.add(heldKey(c));
      d.status = 'GRANTED';
      emit(`award-${awardId}`, 'AwardGranted', data);
      dossierEvent(d, 'DossierGranted', {
        awardId,
        decisionNumber,
        decidedOn: clock,
        grantedAward: data,
        grantedAt: at(),
      } satisfies Omit<DossierGranted['data'], keyof DossierContext>);
    },
    revoke: (awardId?: string, complaintId: string | null = null) => {
      const candidates = [...awards.values()].filter((a) => !a.revoked);
      const award = awardId ? awards.get(awardId)! : candidates.length > 0 ? rng.pick(candidates) : null;
      if (!award || award.revoked) return;
      award.revoked = true;
      const a = award.data;
      heldAwards.delete(`${a.subject.kind}:${a.subject.id}|${a.award}|${a.period.kind}:${a.period.year}`);
      emit(`award-${a.awardId}`, 'AwardRevoked', {
        awardId: a.awardId,
        dossierId: a.dossierId,
        subject: a.subject,
        subjectUnitId: a.subjectUnitId,
        award: a.award,
        period: a.period,
        reason: 'Thành tích không đúng',
        decisionNumber: `${++counter}/QĐ-HB`,
        complaintId,
        revokedAt: at(),
      } satisfies AwardRevoked['data']);
    },
    file: () => {
      const id = `kn-${++counter}`;
      const target = rng.weighted([
        ['award', 4],
        ['dossier', 3],
        ['subject', 3],
      ] as const);
      let awardId: string | null = null;
      let dossierId: string | null = null;
      let subject: ComplaintSubject | null;
      if (target === 'award' && awards.size > 0) {
        const a = rng.pick([...awards.values()]).data;
        awardId = a.awardId;
        subject = a.subject;
      } else if (target === 'dossier' && dossiers.size > 0) {
        const d = rng.pick([...dossiers.values()]).context;
        dossierId = d.dossierId;
        subject = d.nominee;
      } else if (rng.chance(0.7)) {
        const p = rng.pick(people);
        subject = { kind: SubjectKind.INDIVIDUAL, id: p.id, name: p.name };
      } else {
        const u = rng.pick(UNITS);
        subject = { kind: SubjectKind.COLLECTIVE, id: u.id, name: `Đơn vị ${u.id}` };
      }
      // Some filings about an award or dossier carry no subject of their own (the read
      // model falls back to the target's).
      if ((awardId || dossierId) && rng.chance(0.15)) subject = null;
      const receivedOn = addDays(clock, -rng.int(0, 6));
      const kind = rng.pick([ComplaintKind.COMPLAINT, ComplaintKind.DENUNCIATION, ComplaintKind.PETITION]);
      complaints.set(id, {
        id,
        kind,
        status: ComplaintStatus.RECEIVED,
        receivedOn,
        acceptedOn: null,
        awardId,
        dossierId,
      });
      emit(`complaint-${id}`, 'ComplaintFiled', {
        complaintId: id,
        kind,
        complainantName: 'Công dân',
        receivedOn,
        content: 'Nội dung khiếu nại.',
        awardId,
        dossierId,
        subject,
        acceptanceDueOn: acceptanceDueOn(kind, receivedOn),
        filedAt: at(),
      } satisfies ComplaintFiled['data']);
    },
    accept: () => {
      const candidates = [...complaints.values()].filter((c) => c.status === ComplaintStatus.RECEIVED);
      if (candidates.length === 0) return;
      const c = rng.pick(candidates);
      const acceptedOn = addDays(c.receivedOn, rng.int(0, 20));
      // A denunciation has no complex or remote-area term; it may be extended instead.
      const denunciation = c.kind === ComplaintKind.DENUNCIATION;
      const complex = !denunciation && rng.chance(0.3);
      const remoteArea = !denunciation && rng.chance(0.3);
      c.status = ComplaintStatus.ACCEPTED;
      c.acceptedOn = acceptedOn;
      const facts = { kind: c.kind, receivedOn: c.receivedOn, acceptedOn, complex, remoteArea, extensionDays: 0 };
      const dueOn = resolutionDueOn(facts);
      emit(`complaint-${c.id}`, 'ComplaintAccepted', {
        complaintId: c.id,
        kind: c.kind,
        acceptedOn,
        complex,
        remoteArea,
        dueOn,
        acceptedAt: at(),
      } satisfies ComplaintAccepted['data']);
      if (!denunciation) {
        if (complex || !rng.chance(0.3)) return;
        emit(`complaint-${c.id}`, 'ComplaintMarkedComplex', {
          complaintId: c.id,
          kind: c.kind,
          markedOn: acceptedOn,
          previousDueOn: dueOn,
          dueOn: resolutionDueOn({ ...facts, complex: true }),
          markedAt: at(),
        } satisfies ComplaintMarkedComplex['data']);
        return;
      }
      if (!rng.chance(0.5)) return;
      const days = rng.int(1, 30);
      emit(`complaint-${c.id}`, 'DenunciationExtended', {
        complaintId: c.id,
        kind: c.kind,
        days,
        reason: 'Vụ việc phức tạp.',
        complexity: DenunciationComplexity.COMPLEX,
        extensionNumber: 1,
        extendedOn: acceptedOn,
        previousDueOn: dueOn,
        dueOn: resolutionDueOn({ ...facts, extensionDays: days }),
        extendedAt: at(),
      } satisfies DenunciationExtended['data']);
    },
    dismiss: () => {
      const candidates = [...complaints.values()].filter((c) => c.status === ComplaintStatus.RECEIVED);
      if (candidates.length === 0) return;
      const c = rng.pick(candidates);
      c.status = ComplaintStatus.DISMISSED;
      emit(`complaint-${c.id}`, 'ComplaintDismissed', {
        complaintId: c.id,
        kind: c.kind,
        reason: 'Không thuộc thẩm quyền',
        decidedOn: addDays(c.receivedOn, rng.int(0, 25)),
        dismissedAt: at(),
      } satisfies ComplaintDismissed['data']);
    },
    resolve: () => {
      const candidates = [...complaints.values()].filter((c) => c.status === ComplaintStatus.ACCEPTED);
      if (candidates.length === 0) return;
      const c = rng.pick(candidates);
      const outcome = rng.pick([ComplaintOutcome.UPHELD, ComplaintOutcome.PARTIALLY_UPHELD, ComplaintOutcome.REJECTED]);
      const awardOfDossier = c.dossierId
        ? ([...awards.values()].find((a) => a.data.dossierId === c.dossierId)?.data.awardId ?? null)
        : null;
      const awardId = c.awardId ?? awardOfDossier;
      const revokeAward =
        outcome !== ComplaintOutcome.REJECTED && awardId !== null && !awards.get(awardId)!.revoked && rng.chance(0.6);
      c.status = ComplaintStatus.RESOLVED;
      emit(`complaint-${c.id}`, 'ComplaintResolved', {
        complaintId: c.id,
        kind: c.kind,
        outcome,
        resolution: 'Kết luận.',
        decidedOn: addDays(c.acceptedOn!, rng.int(0, 70)),
        revokeAward,
        revokedAwardId: revokeAward ? awardId : null,
        revocationDecisionNumber: revokeAward ? `thu-hoi-${c.id}` : null,
        awardId: c.awardId,
        dossierId: c.dossierId,
        resolvedAt: at(),
      } satisfies ComplaintResolved['data']);
      if (revokeAward) actions.revoke(awardId!, c.id);
    },
    transfer: () => {
      const p = rng.pick(people);
      const to = rng.pick(UNITS.filter((u) => u.id !== p.unitId)).id;
      emit(`person-${p.id}`, 'PersonTransferred', {
        personId: p.id,
        fullName: p.name,
        fromUnitId: p.unitId,
        fromUnitName: `Đơn vị ${p.unitId}`,
        toUnitId: to,
        toUnitName: `Đơn vị ${to}`,
        position: null,
        effectiveOn: clock,
      } satisfies PersonTransferred['data']);
      p.unitId = to;
    },
  };
  const weights: ReadonlyArray<readonly [keyof typeof actions, number]> = [
    ['submit', 10],
    ['return', 2],
    ['resubmit', 2],
    ['appraise', 7],
    ['withdraw', 1],
    ['convene', 1.5],
    ['close', 1.5],
    ['grant', 5],
    ['revoke', 0.5],
    ['file', 2],
    ['accept', 1.5],
    ['dismiss', 0.6],
    ['resolve', 1.3],
    ['transfer', 0.4],
  ];
  /** Halfway through, two units merge (as communes did in 2025): later events may still name the merged ones. */
  const merge = (unitId: string, intoUnitId: string) =>
    emit(`unit-${unitId}`, 'UnitMerged', {
      unitId,
      unitName: `Đơn vị ${unitId}`,
      intoUnitId,
      intoUnitName: `Đơn vị ${intoUnitId}`,
      effectiveOn: clock,
      reason: null,
    } satisfies UnitMerged['data']);
  for (let step = 0; step < steps; step++) {
    if (step === Math.floor(steps / 2)) {
      merge('xa-a3', 'xa-b2');
      merge('truong-a1', 'truong-b1');
    }
    const action = rng.weighted(weights);
    if (action === 'revoke') actions.revoke();
    else actions[action]();
    // Over five years or so, whatever the number of steps.
    if (rng.chance(Math.min(1, 1800 / steps))) clock = addDays(clock, 1);
  }
  return events;
}

// ---------------------------------------------------------------------------
// The oracle: the definitions, folded in plain TypeScript
// ---------------------------------------------------------------------------

export interface World {
  children: Map<string, string[]>;
  units: Set<string>;
  awards: Array<{
    period: Period;
    unitId: string;
    award: AwardKind;
    individual: boolean;
    directWorker: boolean;
    female: boolean;
    revoked: boolean;
    rewardVnd: number | null;
  }>;
  dossiers: Array<{
    period: Period;
    unitId: string;
    returned: boolean;
    eligible: boolean | null;
    approved: boolean | null;
    days: number | null;
    granted: boolean;
    withdrawn: boolean;
  }>;
  complaints: Array<{
    unitId: string | null;
    kind: ComplaintKind;
    receivedOn: IsoDate;
    acceptanceDueOn: IsoDate;
    acceptedOn: IsoDate | null;
    dueOn: IsoDate | null;
    closedOn: IsoDate | null;
    status: ComplaintStatus;
    outcome: ComplaintOutcome | null;
  }>;
}

export function fold(events: GeneratedEvent[]): World {
  const world: World = { children: new Map(), units: new Set(), awards: [], dossiers: [], complaints: [] };
  const personUnit = new Map<string, string>();
  const heldOn = new Map<string, IsoDate>();
  const awards = new Map<string, World['awards'][number]>();
  const dossiers = new Map<string, World['dossiers'][number] & { submittedOn: IsoDate }>();
  const complaints = new Map<string, World['complaints'][number]>();
  for (const { type, data } of events) {
    const d = data as any;
    if (type === 'UnitRegistered') {
      world.units.add(d.unitId);
      if (d.parentUnitId) world.children.set(d.parentUnitId, [...(world.children.get(d.parentUnitId) ?? []), d.unitId]);
    } else if (type === 'PersonRegistered') personUnit.set(d.personId, d.unitId);
    else if (type === 'PersonTransferred') personUnit.set(d.personId, d.toUnitId);
    // The survivor's totals include the merged unit's, as they include a child's.
    else if (type === 'UnitMerged')
      world.children.set(d.intoUnitId, [...(world.children.get(d.intoUnitId) ?? []), d.unitId]);
    else if (type === 'CouncilSessionConvened') heldOn.set(d.sessionId, d.heldOn);
    else if (type === 'AwardGranted') {
      const individual = d.subject.kind === SubjectKind.INDIVIDUAL;
      const award = {
        period: d.period,
        unitId: d.subjectUnitId,
        award: d.award,
        individual,
        directWorker: d.directWorker,
        female: d.female,
        revoked: false,
        rewardVnd: (d.rewardVnd ?? null) as number | null,
      };
      awards.set(d.awardId, award);
      world.awards.push(award);
    } else if (type === 'AwardRevoked') awards.get(d.awardId)!.revoked = true;
    else if (type === 'DossierSubmitted') {
      const dossier = {
        period: d.period,
        unitId: d.nomineeUnitId,
        submittedOn: d.submittedOn,
        returned: false,
        eligible: null,
        approved: null,
        days: null,
        granted: false,
        withdrawn: false,
      };
      dossiers.set(d.dossierId, dossier);
      world.dossiers.push(dossier);
    } else if (type === 'DossierReturned') dossiers.get(d.dossierId)!.returned = true;
    else if (type === 'DossierAppraised') dossiers.get(d.dossierId)!.eligible = d.eligible;
    else if (type === 'DossierWithdrawn') dossiers.get(d.dossierId)!.withdrawn = true;
    else if (type === 'DossierGranted') dossiers.get(d.dossierId)!.granted = true;
    else if (type === 'DossierResolved') {
      const dossier = dossiers.get(d.dossierId)!;
      dossier.approved = d.approved;
      dossier.days = daysBetween(dossier.submittedOn, heldOn.get(d.sessionId)!);
    } else if (type === 'ComplaintFiled') {
      let unitId: string | null = null;
      if (d.subject)
        unitId = d.subject.kind === SubjectKind.COLLECTIVE ? d.subject.id : (personUnit.get(d.subject.id) ?? null);
      else if (d.awardId) unitId = awards.get(d.awardId)?.unitId ?? null;
      else if (d.dossierId) unitId = dossiers.get(d.dossierId)?.unitId ?? null;
      const complaint = {
        unitId,
        kind: d.kind,
        receivedOn: d.receivedOn,
        acceptanceDueOn: d.acceptanceDueOn,
        acceptedOn: null,
        dueOn: null,
        closedOn: null,
        status: ComplaintStatus.RECEIVED,
        outcome: null,
      };
      complaints.set(d.complaintId, complaint);
      world.complaints.push(complaint);
    } else if (type === 'ComplaintAccepted')
      Object.assign(complaints.get(d.complaintId)!, {
        status: ComplaintStatus.ACCEPTED,
        acceptedOn: d.acceptedOn,
        dueOn: d.dueOn,
      });
    else if (type === 'DenunciationExtended' || type === 'ComplaintMarkedComplex')
      complaints.get(d.complaintId)!.dueOn = d.dueOn;
    else if (type === 'ComplaintDismissed')
      Object.assign(complaints.get(d.complaintId)!, { status: ComplaintStatus.DISMISSED, closedOn: d.decidedOn });
    else if (type === 'ComplaintResolved')
      Object.assign(complaints.get(d.complaintId)!, {
        status: ComplaintStatus.RESOLVED,
        closedOn: d.decidedOn,
        outcome: d.outcome,
      });
  }
  return world;
}

const sumRewards = (awards: ReadonlyArray<{ rewardVnd: number | null }>) =>
  awards.reduce((sum, a) => sum + (a.rewardVnd ?? 0), 0);

export function expectedTotals(world: World, period: Period, unitId: string | null, today: IsoDate): YearlyTotalsRow {
  const scope = new Set<string>();
  if (unitId !== null) {
    const queue = [unitId];
    while (queue.length > 0) {
      const u = queue.pop()!;
      if (scope.has(u)) continue;
      scope.add(u);
      queue.push(...(world.children.get(u) ?? []));
    }
  }
  const inScope = (u: string | null) => unitId === null || (u !== null && scope.has(u));
  const samePeriod = (p: Period) => p.kind === period.kind && p.year === period.year;

  const awards = world.awards.filter((a) => samePeriod(a.period) && inScope(a.unitId));
  const counts = Object.values(AwardKind)
    .map((kind) => {
      const of = awards.filter((a) => a.award === kind);
      return {
        award: kind,
        label: AWARD_CATALOG[kind].label,
        category: AWARD_CATALOG[kind].category,
        count: of.length,
        individuals: of.filter((a) => a.individual).length,
        collectives: of.filter((a) => !a.individual).length,
        directWorkers: of.filter((a) => a.individual && a.directWorker).length,
        women: of.filter((a) => a.individual && a.female).length,
        revoked: of.filter((a) => a.revoked).length,
        rewardVnd: sumRewards(of),
        revokedRewardVnd: sumRewards(of.filter((a) => a.revoked)),
      };
    })
    .filter((c) => c.count > 0);
  const held = awards.filter((a) => !a.revoked);
  const individuals = held.filter((a) => a.individual);
  const advancedWorkers = held.filter((a) => a.award === AwardKind.ADVANCED_WORKER).length;

  const dossiers = world.dossiers.filter((d) => samePeriod(d.period) && inScope(d.unitId));
  const live = dossiers.filter((d) => !d.withdrawn);
  const days = live
    .filter((d) => d.approved !== null)
    .map((d) => d.days!)
    .sort((a, b) => a - b);
  const median =
    days.length === 0
      ? null
      : days.length % 2 === 1
        ? days[(days.length - 1) / 2]
        : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;

  const start = period.kind === PeriodKind.CALENDAR_YEAR ? `${period.year}-01-01` : `${period.year}-09-01`;
  const end = period.kind === PeriodKind.CALENDAR_YEAR ? `${period.year}-12-31` : `${period.year + 1}-08-31`;
  const asOf = end < today ? end : today;
  const complaints = world.complaints.filter((c) => c.receivedOn >= start && c.receivedOn <= end && inScope(c.unitId));

  return {
    period: {
      kind: period.kind,
      year: period.year,
      label: period.kind === PeriodKind.CALENDAR_YEAR ? `${period.year}` : `${period.year}-${period.year + 1}`,
    },
    unitId,
    awards: counts,
    dossiers: {
      submitted: dossiers.length,
      returned: live.filter((d) => d.returned).length,
      eligible: live.filter((d) => d.eligible === true).length,
      ineligible: live.filter((d) => d.eligible === false).length,
      approved: live.filter((d) => d.approved === true).length,
      rejected: live.filter((d) => d.approved === false).length,
      granted: live.filter((d) => d.granted).length,
      medianDaysToDecision: median,
    },
    complaints: {
      filed: complaints.length,
      accepted: complaints.filter((c) => c.acceptedOn !== null).length,
      resolved: complaints.filter((c) => c.status === ComplaintStatus.RESOLVED).length,
      upheld: complaints.filter(
        (c) => c.outcome === ComplaintOutcome.UPHELD || c.outcome === ComplaintOutcome.PARTIALLY_UPHELD,
      ).length,
      ...overdueCounts(complaints, asOf),
    },
    directWorkerShare:
      individuals.length === 0 ? null : individuals.filter((a) => a.directWorker).length / individuals.length,
    grassrootsFighterRatio:
      advancedWorkers === 0
        ? null
        : held.filter((a) => a.award === AwardKind.GRASSROOTS_EMULATION_FIGHTER).length / advancedWorkers,
    rewardVnd: sumRewards(held),
  };
}

/** complaintOverdue over the world's complaints as of a date, in all and by kind. */
function overdueCounts(complaints: World['complaints'], asOf: IsoDate) {
  const overdue = complaints.filter((c) =>
    complaintOverdue(
      {
        status: c.status,
        receivedOn: c.receivedOn,
        acceptanceDueOn: c.acceptanceDueOn,
        dueOn: c.dueOn,
        acceptedOn: c.acceptedOn,
        resolvedOn: c.closedOn,
      },
      asOf,
    ),
  );
  return {
    overdue: overdue.length,
    overdueComplaints: overdue.filter((c) => c.kind === ComplaintKind.COMPLAINT).length,
    overdueDenunciations: overdue.filter((c) => c.kind === ComplaintKind.DENUNCIATION).length,
  };
}
