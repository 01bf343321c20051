/**
 * Helpers for the award-process end-to-end tests (dossiers, council sessions, awards,
 * complaints): the GraphQL documents, a small organisation, facts seeded through the
 * pure deciders (ratings, registrations, initiatives, movements, earlier awards), and a
 * council run from convening to closing.
 */
import { awardDecider } from '../../src/awards/award.decider';
import type { CommandContext } from '../../src/commands/commandHandler';
import { initiativeDecider } from '../../src/initiatives/initiative.decider';
import { movementDecider } from '../../src/movements/movement.decider';
import { ratingDecider, ratingStreamKey } from '../../src/ratings/rating.decider';
import { registrationDecider, registrationStreamKey } from '../../src/registrations/registration.decider';
import { SYSTEM_IDENTITY } from '../../src/identity';
import {
  AuthorityLevel,
  AwardKind,
  BallotChoice,
  DossierStatus,
  MovementKind,
  PerformanceRating,
  PeriodKind,
  SubjectKind,
  type Period,
} from '../../src/shared/domain';
import type { AppOptions } from '../../src/app';
import {
  expectRefused as expectRefusedOnApp,
  mutate as mutateOnApp,
  startTestApp,
  type GraphQLErrorBody,
  type TestApp,
} from './app';
import type { Actor } from './auth';
import { REGISTER_PERSON, REGISTER_UNIT } from './reference';
import { streamEvents } from './streams';
import { caughtUp } from './until';

/** Tests run on a fixed clock: "today" is 2025-11-20, so the tdkt-2025 rule set is in force. */
export const TEST_NOW = new Date('2025-11-20T03:00:00.000Z');
export const TODAY = '2025-11-20';

const RESULT = '{ id streamId version position eventTypes }';
export const SUBMIT = `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) ${RESULT} }`;
export const RETURN = `mutation($dossierId: ID!, $reason: String!) { returnDossier(dossierId: $dossierId, reason: $reason) ${RESULT} }`;
export const RESUBMIT = `mutation($dossierId: ID!, $achievements: String!) { resubmitDossier(dossierId: $dossierId, achievements: $achievements) ${RESULT} }`;
export const WITHDRAW = `mutation($dossierId: ID!, $reason: String!) { withdrawDossier(dossierId: $dossierId, reason: $reason) ${RESULT} }`;
export const APPRAISE = `mutation($dossierId: ID!, $note: String) { appraiseDossier(dossierId: $dossierId, note: $note) ${RESULT} }`;
export const CONVENE = `mutation($input: ConveneCouncilSessionInput!) { conveneCouncilSession(input: $input) ${RESULT} }`;
export const CAST = `mutation($input: CastBallotInput!) { castBallot(input: $input) ${RESULT} }`;
export const CLOSE = `mutation($sessionId: ID!) { closeCouncilSession(sessionId: $sessionId) ${RESULT} }`;
export const DRAFT_PROPOSAL = `mutation($input: DraftProposalInput!) { draftProposal(input: $input) ${RESULT} }`;
export const SUBMIT_PROPOSAL = `mutation($proposalId: ID!) { submitProposal(proposalId: $proposalId) ${RESULT} }`;
export const GRANT = `mutation($input: GrantAwardInput!) { grantAward(input: $input) ${RESULT} }`;
export const REVOKE = `mutation($awardId: ID!, $reason: String!, $decisionNumber: String!) { revokeAward(awardId: $awardId, reason: $reason, decisionNumber: $decisionNumber) ${RESULT} }`;
export const FILE_COMPLAINT = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) ${RESULT} }`;
export const ACCEPT_COMPLAINT = `mutation($complaintId: ID!, $acceptedOn: Date!, $complex: Boolean, $remoteArea: Boolean) {
  acceptComplaint(complaintId: $complaintId, acceptedOn: $acceptedOn, complex: $complex, remoteArea: $remoteArea) ${RESULT} }`;
export const DISMISS_COMPLAINT = `mutation($complaintId: ID!, $reason: String!, $decidedOn: Date!) {
  dismissComplaint(complaintId: $complaintId, reason: $reason, decidedOn: $decidedOn) ${RESULT} }`;
export const RESOLVE_COMPLAINT = `mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) ${RESULT} }`;
export const ELIGIBILITY = `query($subject: SubjectInput!, $award: AwardKind!, $period: PeriodInput!) {
  eligibility(subject: $subject, award: $award, period: $period) { eligible ruleSet checks { rule passed detail } } }`;

/** The province's standing agency (ORG.province below), the organisation's root. */
export const SECRETARIAT: Actor = { sub: 'secretariat-1', role: 'SECRETARIAT', unitId: 'tinh' };
export const UNIT_OFFICER: Actor = { sub: 'officer-1', role: 'UNIT_OFFICER', unitId: 'truong' };
export const ADMIN: Actor = { sub: 'admin-1', role: 'ADMIN' };

export function year(y: number, kind: PeriodKind = PeriodKind.CALENDAR_YEAR): Period {
  return { kind, year: y };
}

export function person(id: string) {
  return { kind: SubjectKind.INDIVIDUAL, id };
}

/** `mutate` of test/support/app.ts, as the secretariat unless another actor is named. */
export function mutate(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  as: Actor = SECRETARIAT,
): Promise<any> {
  return mutateOnApp(t, query, variables, as);
}

/** `expectRefused` of test/support/app.ts, as the secretariat unless another actor (or null) is named. */
export function expectRefused(
  t: TestApp,
  streamIds: string[],
  query: string,
  variables: Record<string, unknown>,
  expected: Record<string, unknown>,
  as: Actor | null = SECRETARIAT,
): Promise<GraphQLErrorBody> {
  return expectRefusedOnApp(t, streamIds, query, variables, expected, as);
}

// ---------------------------------------------------------------------------
// The organisation
// ---------------------------------------------------------------------------

/**
 * UBND tỉnh (province) ⊃ Sở Nội vụ (the council's standing agency, province level),
 * Sở Giáo dục (province level), UBND huyện (district) ⊃ Trường THCS Lê Lợi (unit level).
 * Council members tv-1 … tv-9 work at Sở Nội vụ; teachers at the school.
 */
export const ORG = {
  province: 'tinh',
  homeAffairs: 'so-noi-vu',
  education: 'so-giao-duc',
  district: 'huyen',
  school: 'truong',
} as const;

export const MEMBERS = ['tv-1', 'tv-2', 'tv-3', 'tv-4', 'tv-5', 'tv-6', 'tv-7', 'tv-8', 'tv-9'];

export const TEACHERS: Record<string, { fullName: string; female: boolean; directWorker?: boolean }> = {
  'gv-hoa': { fullName: 'Nguyễn Thị Hoa', female: true },
  'gv-nam': { fullName: 'Trần Văn Nam', female: false },
  'gv-ba': { fullName: 'Lê Văn Ba', female: false },
  'gv-tu': { fullName: 'Phạm Thị Tư', female: true },
  'gv-lan': { fullName: 'Võ Thị Lan', female: true, directWorker: true },
};

/**
 * The app on the award tests' clock (TEST_NOW unless `now` is given) with the organisation
 * registered: its units, the council members, An at Sở Giáo dục, the teachers and `extraTeachers`.
 */
export async function startOrganisationApp(
  options: {
    now?: () => Date;
    logger?: AppOptions['logger'];
    extraTeachers?: Record<string, { fullName: string; female: boolean }>;
    projections?: AppOptions['projections'];
    documents?: AppOptions['config']['documents'];
  } = {},
): Promise<TestApp> {
  const t = await startTestApp({
    documents: options.documents,
    now: options.now ?? (() => TEST_NOW),
    logger: options.logger,
    projections: options.projections,
  });
  await registerOrganisation(t, options.extraTeachers ?? {});
  return t;
}

async function registerOrganisation(
  t: TestApp,
  extraTeachers: Record<string, { fullName: string; female: boolean }>,
): Promise<void> {
  const units: Array<Record<string, unknown>> = [
    { id: ORG.province, name: 'UBND tỉnh Quảng Nam', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' },
    {
      id: ORG.homeAffairs,
      name: 'Sở Nội vụ tỉnh Quảng Nam',
      kind: 'AGENCY',
      level: 'PROVINCE',
      parentUnitId: ORG.province,
    },
    {
      id: ORG.education,
      name: 'Sở Giáo dục và Đào tạo',
      kind: 'AGENCY',
      level: 'PROVINCE',
      parentUnitId: ORG.province,
    },
    {
      id: ORG.district,
      name: 'UBND huyện Duy Xuyên',
      kind: 'PEOPLES_COMMITTEE',
      level: 'DISTRICT',
      parentUnitId: ORG.province,
    },
    { id: ORG.school, name: 'Trường THCS Lê Lợi', kind: 'SCHOOL', level: 'UNIT', parentUnitId: ORG.district },
  ];
  // The administrator keeps the catalogue of units; the secretariat registers people.
  for (const input of units) await mutate(t, REGISTER_UNIT, { input }, ADMIN);
  const names = [
    'Hoàng Văn Một',
    'Huỳnh Thị Hai',
    'Phan Văn Ba',
    'Vũ Thị Bốn',
    'Võ Văn Năm',
    'Đặng Thị Sáu',
    'Nguyễn Văn Bảy',
    'Trần Thị Tám',
    'Lê Văn Chín',
  ];
  for (const [i, id] of MEMBERS.entries()) {
    await mutate(t, REGISTER_PERSON, {
      input: { id, fullName: names[i], unitId: ORG.homeAffairs, position: 'Ủy viên Hội đồng', directWorker: false },
    });
  }
  await mutate(t, REGISTER_PERSON, {
    input: { id: 'cb-an', fullName: 'Đỗ Văn An', unitId: ORG.education, directWorker: false },
  });
  for (const [id, p] of Object.entries({ ...TEACHERS, ...extraTeachers })) {
    await mutate(t, REGISTER_PERSON, {
      input: {
        id,
        fullName: p.fullName,
        unitId: ORG.school,
        position: 'Giáo viên',
        directWorker: (p as { directWorker?: boolean }).directWorker ?? false,
        female: p.female,
      },
    });
  }
}

// ---------------------------------------------------------------------------
// Facts seeded through the pure deciders
// ---------------------------------------------------------------------------

function seedContext(t: TestApp): CommandContext {
  return { identity: SYSTEM_IDENTITY, correlationId: 'test-seed', idempotencyKey: null, now: t.app.services.now };
}

export async function seedRating(
  t: TestApp,
  subject: { kind: SubjectKind; id: string; name: string },
  subjectUnitId: string,
  period: Period,
  rating: PerformanceRating,
): Promise<void> {
  await t.app.services.commands.execute(seedContext(t), 'seedRating', null, async (tx) => {
    const stream = await tx.load(ratingDecider, ratingStreamKey(subject, period));
    tx.decide(ratingDecider, stream, {
      type: 'RatePerformance',
      data: { subject, subjectUnitId, period, rating, now: tx.nowIso },
    });
  });
}

export async function seedRegistration(
  t: TestApp,
  subject: { kind: SubjectKind; id: string; name: string },
  subjectUnitId: string,
  award: AwardKind,
  period: Period,
): Promise<void> {
  await t.app.services.commands.execute(seedContext(t), 'seedRegistration', null, async (tx) => {
    const stream = await tx.load(registrationDecider, registrationStreamKey(subject, award, period));
    tx.decide(registrationDecider, stream, {
      type: 'RegisterTitle',
      data: { subject, subjectUnitId, award, period, movementId: null, now: tx.nowIso },
    });
  });
}

export async function seedInitiative(
  t: TestApp,
  initiativeId: string,
  authors: Array<{ personId: string; name: string }>,
  level: AuthorityLevel,
  period: Period,
): Promise<string> {
  const result = await t.app.services.commands.execute(seedContext(t), 'seedInitiative', null, async (tx) => {
    const stream = await tx.load(initiativeDecider, initiativeId);
    tx.decide(initiativeDecider, stream, {
      type: 'RecognizeInitiative',
      data: {
        initiativeId,
        title: `Sáng kiến ${initiativeId}`,
        authors,
        level,
        period,
        decisionNumber: `SK-${initiativeId}`,
        now: tx.nowIso,
      },
    });
  });
  return result.position;
}

export async function seedMovement(
  t: TestApp,
  movementId: string,
  kind: MovementKind,
  launchedByUnitId: string,
): Promise<void> {
  await t.app.services.commands.execute(seedContext(t), 'seedMovement', null, async (tx) => {
    const stream = await tx.load(movementDecider, movementId);
    tx.decide(movementDecider, stream, {
      type: 'LaunchMovement',
      data: {
        movementId,
        name: `Phong trào ${movementId}`,
        kind,
        launchedByUnitId,
        startsOn: '2025-01-01',
        endsOn: kind === MovementKind.REGULAR ? null : '2025-12-31',
        criteria: ['Hoàn thành xuất sắc nhiệm vụ'],
        participantUnitIds: [],
        unknownUnitIds: [],
      },
    });
  });
}

/**
 * An award decided on paper before this system (history entered through the award
 * decider, its dossier facts as the handler would read them): for chains such as
 * "3 consecutive grassroots fighter periods".
 */
export async function seedEarlierAward(
  t: TestApp,
  awardId: string,
  nominee: { kind: SubjectKind; id: string; name: string },
  nomineeUnitId: string,
  award: AwardKind,
  period: Period,
  issuingUnit: { id: string; level: AuthorityLevel },
): Promise<string> {
  const result = await t.app.services.commands.execute(seedContext(t), 'seedAward', null, async (tx) => {
    const stream = await tx.load(awardDecider, awardId);
    tx.decide(awardDecider, stream, {
      type: 'GrantAward',
      data: {
        awardId,
        dossier: {
          dossierId: `paper-${awardId}`,
          status: DossierStatus.APPROVED,
          nominee,
          nomineeUnitId,
          award,
          period,
          movementId: null,
          thematic: false,
          grantableWithoutCouncil: false,
          approvedAtLevel: null,
        },
        subjectFacts: { directWorker: false, female: false },
        issuingUnit,
        decisionNumber: `${period.year}/QĐ-${awardId}`,
        decidedOn: `${period.year}-12-20`,
        signerName: 'Chủ tịch UBND',
        facts: { heldSameKindSamePeriod: 0 },
        decisionFacts: null,
        now: tx.nowIso,
      },
    });
  });
  return result.position;
}

// ---------------------------------------------------------------------------
// The award path
// ---------------------------------------------------------------------------

export async function submitDossier(
  t: TestApp,
  input: Record<string, unknown>,
  as: Actor = SECRETARIAT,
): Promise<string> {
  return (
    await mutate(
      t,
      SUBMIT,
      { input: { proposingUnitId: ORG.school, achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học.', ...input } },
      as,
    )
  ).id;
}

export async function appraise(
  t: TestApp,
  dossierId: string,
): Promise<{ eligible: boolean; checks: Array<{ rule: string; passed: boolean; detail: string }>; ruleSetId: string }> {
  await mutate(t, APPRAISE, { dossierId });
  const events = await streamEvents(t, `dossier-${dossierId}`);
  const appraised = events.filter((e) => e.type === 'DossierAppraised').at(-1)!;
  return appraised.data;
}

/**
 * A dossier for the advanced-worker title 2025 in each branch of the organisation: Hoa's
 * (rated good first) proposed by the school's officer, and An's proposed for Sở Giáo dục.
 */
export async function submitSchoolAndEducationDossiers(
  t: TestApp,
  schoolDossierId: string,
  educationDossierId: string,
): Promise<{ schoolDossier: string; educationDossier: string }> {
  await seedRating(
    t,
    { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' },
    ORG.school,
    year(2025),
    PerformanceRating.GOOD,
  );
  const schoolDossier = await submitDossier(
    t,
    { id: schoolDossierId, nominee: person('gv-hoa'), award: 'ADVANCED_WORKER', period: year(2025) },
    UNIT_OFFICER,
  );
  const educationDossier = await submitDossier(t, {
    id: educationDossierId,
    proposingUnitId: ORG.education,
    nominee: person('cb-an'),
    award: 'ADVANCED_WORKER',
    period: year(2025),
  });
  return { schoolDossier, educationDossier };
}

/**
 * Convenes a council of `memberIds` on `dossierIds`, casts every ballot `choose` returns
 * (null: no ballot), each member in person, and closes the session.
 */
export async function runCouncil(
  t: TestApp,
  sessionId: string,
  memberIds: string[],
  dossierIds: string[],
  choose: (dossierId: string, memberId: string) => BallotChoice | null = () => BallotChoice.APPROVE,
): Promise<any> {
  await mutate(t, CONVENE, {
    input: { id: sessionId, councilUnitId: ORG.homeAffairs, heldOn: TODAY, memberIds, dossierIds },
  });
  for (const dossierId of dossierIds) {
    for (const memberId of memberIds) {
      const choice = choose(dossierId, memberId);
      if (choice === null) continue;
      await mutate(
        t,
        CAST,
        { input: { sessionId, dossierId, memberId, choice } },
        { sub: memberId, role: 'COUNCIL_MEMBER' },
      );
    }
  }
  const closed = await mutate(t, CLOSE, { sessionId });
  // The dossiers are resolved as the close's consequence: wait until they are.
  await caughtUp(t, closed.position);
  return closed;
}
