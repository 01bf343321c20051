import type { TokenSubject } from '../auth/tokens';

/**
 * A year of emulation and commendation work in Bạch Thông district (Bắc Kạn province),
 * after the district's 2023 plan: units and people, a cluster of communes scored and
 * finalized, movements, the yearly plan, registrations, ratings, an initiative, award
 * dossiers (one returned and resubmitted, one ineligible), two council sessions, award
 * decisions, and a complaint upheld that revokes an award. Every step goes through the
 * public GraphQL API, so the same script loads demo data and drives the end-to-end test.
 */
export interface GraphQLAnswer {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}
/** Sends one GraphQL request as `actor` (the caller turns the actor into a bearer token). */
export type GraphQLExecutor = (
  query: string,
  variables: Record<string, unknown>,
  actor: TokenSubject,
) => Promise<GraphQLAnswer>;

export const DEMO_YEAR = 2024;
const YEAR = { kind: 'CALENDAR_YEAR', year: DEMO_YEAR };
/**
 * Who does what in the demo: the district's standing agency does the daily work; each
 * unit's emulation officer registers, rates and self-scores its own people and unit.
 */
export const DEMO_ACTORS = {
  /** Sets up the organisation catalogue, the province included. */
  admin: { sub: 'demo-admin', role: 'ADMIN' },
  /** Phòng Nội vụ, the standing agency of the district People's Committee. */
  districtSecretariat: { sub: 'p-nguyen-van-an', role: 'SECRETARIAT', unitId: 'huyen-bach-thong' },
  /** Sở Nội vụ, for the province's own decisions. */
  provinceSecretariat: { sub: 'so-noi-vu-bac-kan', role: 'SECRETARIAT', unitId: 'tinh-bac-kan' },
  /** The district inspectorate's complaint desk. */
  complaintOfficer: { sub: 'thanh-tra-huyen', role: 'COMPLAINT_OFFICER' },
} as const satisfies Record<string, TokenSubject>;

/** The emulation and commendation officer (cán bộ thi đua) of a unit. */
export function unitOfficer(unitId: string): TokenSubject {
  return { sub: `can-bo-tdkt-${unitId}`, role: 'UNIT_OFFICER', unitId };
}

const M = {
  registerUnit: 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id position } }',
  registerPerson: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id position } }',
  formCluster: 'mutation($input: FormClusterInput!) { formCluster(input: $input) { id position } }',
  assignClusterLeadership:
    'mutation($clusterId: ID!, $year: Int!, $leaderUnitId: ID!, $deputyUnitId: ID!) { assignClusterLeadership(clusterId: $clusterId, year: $year, leaderUnitId: $leaderUnitId, deputyUnitId: $deputyUnitId) { id position } }',
  setClusterCriteria:
    'mutation($input: SetClusterCriteriaInput!) { setClusterCriteria(input: $input) { id position } }',
  recordClusterScore:
    'mutation($input: RecordClusterScoreInput!) { recordClusterScore(input: $input) { id position } }',
  finalizeClusterRanking:
    'mutation($clusterId: ID!, $year: Int!) { finalizeClusterRanking(clusterId: $clusterId, year: $year) { id position } }',
  launchMovement: 'mutation($input: LaunchMovementInput!) { launchMovement(input: $input) { id position } }',
  issuePlan: 'mutation($input: IssuePlanInput!) { issuePlan(input: $input) { id position } }',
  reportPlanTask:
    'mutation($planId: ID!, $taskNo: Int!, $done: Boolean!, $note: String) { reportPlanTask(planId: $planId, taskNo: $taskNo, done: $done, note: $note) { id position } }',
  registerTitle: 'mutation($input: RegisterTitleInput!) { registerTitle(input: $input) { id position } }',
  ratePerformance: 'mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) { id position } }',
  recognizeInitiative:
    'mutation($input: RecognizeInitiativeInput!) { recognizeInitiative(input: $input) { id position } }',
  submitDossier: 'mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id position } }',
  returnDossier:
    'mutation($dossierId: ID!, $reason: String!) { returnDossier(dossierId: $dossierId, reason: $reason) { id position } }',
  resubmitDossier:
    'mutation($dossierId: ID!, $achievements: String!) { resubmitDossier(dossierId: $dossierId, achievements: $achievements) { id position } }',
  appraiseDossier:
    'mutation($dossierId: ID!, $note: String) { appraiseDossier(dossierId: $dossierId, note: $note) { id position } }',
  conveneCouncilSession:
    'mutation($input: ConveneCouncilSessionInput!) { conveneCouncilSession(input: $input) { id position } }',
  castBallot: 'mutation($input: CastBallotInput!) { castBallot(input: $input) { id position } }',
  closeCouncilSession:
    'mutation($sessionId: ID!) { closeCouncilSession(sessionId: $sessionId) { id position eventTypes } }',
  grantAward: 'mutation($input: GrantAwardInput!) { grantAward(input: $input) { id position } }',
  fileComplaint: 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id position } }',
  acceptComplaint:
    'mutation($complaintId: ID!, $acceptedOn: Date!, $complex: Boolean, $remoteArea: Boolean) { acceptComplaint(complaintId: $complaintId, acceptedOn: $acceptedOn, complex: $complex, remoteArea: $remoteArea) { id position } }',
  dismissComplaint:
    'mutation($complaintId: ID!, $reason: String!, $decidedOn: Date!) { dismissComplaint(complaintId: $complaintId, reason: $reason, decidedOn: $decidedOn) { id position } }',
  resolveComplaint:
    'mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { id position eventTypes } }',
} as const;

export const DEMO_UNITS = [
  { id: 'tinh-bac-kan', name: 'UBND tỉnh Bắc Kạn', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' },
  {
    id: 'huyen-bach-thong',
    name: 'UBND huyện Bạch Thông',
    kind: 'PEOPLES_COMMITTEE',
    level: 'DISTRICT',
    parentUnitId: 'tinh-bac-kan',
  },
  {
    id: 'phong-noi-vu',
    name: 'Phòng Nội vụ huyện Bạch Thông',
    kind: 'AGENCY',
    level: 'UNIT',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'phong-gddt',
    name: 'Phòng Giáo dục và Đào tạo',
    kind: 'AGENCY',
    level: 'UNIT',
    parentUnitId: 'huyen-bach-thong',
    sector: 'Giáo dục',
  },
  {
    id: 'phong-tckh',
    name: 'Phòng Tài chính - Kế hoạch',
    kind: 'AGENCY',
    level: 'UNIT',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'phong-nnptnt',
    name: 'Phòng Nông nghiệp và Phát triển nông thôn',
    kind: 'AGENCY',
    level: 'UNIT',
    parentUnitId: 'huyen-bach-thong',
    sector: 'Nông nghiệp',
  },
  {
    id: 'ttvh-ttt',
    name: 'Trung tâm Văn hóa - Thể thao và Truyền thông huyện',
    kind: 'AGENCY',
    level: 'UNIT',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'xa-quan-ha',
    name: 'UBND xã Quân Hà',
    kind: 'PEOPLES_COMMITTEE',
    level: 'COMMUNE',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'xa-cam-giang',
    name: 'UBND xã Cẩm Giàng',
    kind: 'PEOPLES_COMMITTEE',
    level: 'COMMUNE',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'xa-nguyen-phuc',
    name: 'UBND xã Nguyên Phúc',
    kind: 'PEOPLES_COMMITTEE',
    level: 'COMMUNE',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'xa-my-thanh',
    name: 'UBND xã Mỹ Thanh',
    kind: 'PEOPLES_COMMITTEE',
    level: 'COMMUNE',
    parentUnitId: 'huyen-bach-thong',
  },
  {
    id: 'thcs-phu-thong',
    name: 'Trường THCS Phủ Thông',
    kind: 'SCHOOL',
    level: 'UNIT',
    parentUnitId: 'phong-gddt',
    sector: 'Giáo dục',
    small: true,
  },
];

export const DEMO_PEOPLE = [
  {
    id: 'p-dinh-quang-hung',
    fullName: 'Đinh Quang Hưng',
    unitId: 'huyen-bach-thong',
    position: 'Chủ tịch UBND huyện',
    directWorker: false,
  },
  {
    id: 'p-nguyen-van-an',
    fullName: 'Nguyễn Văn An',
    unitId: 'phong-noi-vu',
    position: 'Trưởng phòng Nội vụ',
    directWorker: false,
  },
  {
    id: 'p-tran-thi-bich',
    fullName: 'Trần Thị Bích',
    unitId: 'phong-gddt',
    position: 'Trưởng phòng',
    directWorker: false,
    female: true,
  },
  {
    id: 'p-le-van-cuong',
    fullName: 'Lê Văn Cường',
    unitId: 'phong-tckh',
    position: 'Trưởng phòng',
    directWorker: false,
  },
  {
    id: 'p-pham-thi-dung',
    fullName: 'Phạm Thị Dung',
    unitId: 'phong-nnptnt',
    position: 'Phó Trưởng phòng',
    directWorker: false,
    female: true,
  },
  { id: 'p-hoang-van-em', fullName: 'Hoàng Văn Em', unitId: 'ttvh-ttt', position: 'Giám đốc', directWorker: false },
  {
    id: 'p-huynh-thi-giang',
    fullName: 'Huỳnh Thị Giang',
    unitId: 'xa-quan-ha',
    position: 'Chủ tịch UBND xã',
    directWorker: false,
    female: true,
  },
  {
    id: 'p-phan-van-hai',
    fullName: 'Phan Văn Hải',
    unitId: 'xa-cam-giang',
    position: 'Chủ tịch UBND xã',
    directWorker: false,
  },
  {
    id: 'p-vu-thi-hanh',
    fullName: 'Vũ Thị Hạnh',
    unitId: 'huyen-bach-thong',
    position: 'Phó Chủ tịch UBND huyện',
    directWorker: false,
    female: true,
  },
  {
    id: 'p-dang-thi-lan',
    fullName: 'Đặng Thị Lan',
    unitId: 'thcs-phu-thong',
    position: 'Giáo viên',
    directWorker: false,
    female: true,
  },
  { id: 'p-bui-van-minh', fullName: 'Bùi Văn Minh', unitId: 'xa-quan-ha', position: 'Nông dân', directWorker: true },
  {
    id: 'p-do-thi-ngoc',
    fullName: 'Đỗ Thị Ngọc',
    unitId: 'phong-tckh',
    position: 'Chuyên viên',
    directWorker: false,
    female: true,
  },
  {
    id: 'p-ngo-van-phuc',
    fullName: 'Ngô Văn Phúc',
    unitId: 'xa-my-thanh',
    position: 'Công chức địa chính',
    directWorker: false,
  },
  {
    id: 'p-duong-thi-quynh',
    fullName: 'Dương Thị Quỳnh',
    unitId: 'xa-nguyen-phuc',
    position: 'Công chức văn hóa',
    directWorker: false,
    female: true,
  },
];

/** The district council: chairman, standing agency and member units. */
export const DEMO_COUNCIL = [
  'p-dinh-quang-hung',
  'p-nguyen-van-an',
  'p-tran-thi-bich',
  'p-le-van-cuong',
  'p-pham-thi-dung',
  'p-hoang-van-em',
  'p-huynh-thi-giang',
  'p-phan-van-hai',
  'p-vu-thi-hanh',
];
const PERSON_UNIT = new Map(DEMO_PEOPLE.map((p) => [p.id, p.unitId]));

const CLUSTER = 'khoi-cac-xa';
const CRITERIA = [
  { code: 'KT-XH', name: 'Thực hiện nhiệm vụ phát triển kinh tế - xã hội', maxPoints: 40 },
  { code: 'QP-AN', name: 'Quốc phòng - an ninh, trật tự an toàn xã hội', maxPoints: 20 },
  { code: 'VH-XH', name: 'Văn hóa - xã hội, xây dựng nông thôn mới', maxPoints: 30 },
  { code: 'TDKT', name: 'Công tác thi đua, khen thưởng', maxPoints: 10 },
];
/** Self-scores, then the cluster's assessed scores (which count). */
const SCORES: Record<string, { self: number[]; assessed: number[] }> = {
  'xa-quan-ha': { self: [39, 19, 29, 10], assessed: [38, 19, 28, 9.5] },
  'xa-cam-giang': { self: [38, 20, 27, 9], assessed: [36, 18, 27, 9] },
  'xa-nguyen-phuc': { self: [37, 18, 28, 9], assessed: [35, 18, 26, 8.5] },
  'xa-my-thanh': { self: [36, 19, 26, 9], assessed: [34, 17, 27, 8] },
};

export interface DemoYearSummary {
  positions: string[];
  dossiers: Record<string, string>;
  awards: Record<string, string>;
  revokedAwardId: string;
  sessions: string[];
  lastPosition: string;
}

export async function runDemoYear(
  execute: GraphQLExecutor,
  log: (line: string) => void = () => undefined,
): Promise<DemoYearSummary> {
  const positions: string[] = [];
  const call = async (
    name: keyof typeof M,
    variables: Record<string, unknown>,
    actor: TokenSubject = DEMO_ACTORS.districtSecretariat,
  ) => {
    const answer = await execute(M[name], variables, actor);
    if (answer.errors?.length) {
      const [first] = answer.errors;
      throw new Error(`${name} failed: ${first.message} ${JSON.stringify(first.extensions ?? {})}`);
    }
    const result = answer.data![name] as { id: string; position: string; eventTypes?: string[] };
    positions.push(result.position);
    return result;
  };
  const individual = (id: string) => ({ kind: 'INDIVIDUAL', id });
  const collective = (id: string) => ({ kind: 'COLLECTIVE', id });

  log('units and people');
  for (const unit of DEMO_UNITS) await call('registerUnit', { input: unit }, DEMO_ACTORS.admin);
  for (const person of DEMO_PEOPLE) await call('registerPerson', { input: person });

  log('movements and the yearly plan');
  await call('launchMovement', {
    input: {
      id: 'pt-nong-thon-moi',
      name: 'Bạch Thông chung sức xây dựng nông thôn mới',
      kind: 'REGULAR',
      launchedByUnitId: 'huyen-bach-thong',
      startsOn: `${DEMO_YEAR}-01-15`,
      criteria: ['Hoàn thành tiêu chí xã nông thôn mới nâng cao', 'Thu nhập bình quân đầu người tăng'],
      participantUnitIds: ['xa-quan-ha', 'xa-cam-giang', 'xa-nguyen-phuc', 'xa-my-thanh'],
    },
  });
  await call('launchMovement', {
    input: {
      id: 'pt-chuyen-doi-so',
      name: 'Bạch Thông đẩy mạnh chương trình chuyển đổi số',
      kind: 'THEMATIC',
      launchedByUnitId: 'huyen-bach-thong',
      startsOn: `${DEMO_YEAR}-03-01`,
      endsOn: `${DEMO_YEAR}-12-31`,
      criteria: [
        'Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình',
        'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      ],
    },
  });
  const plan = await call('issuePlan', {
    input: {
      id: `ke-hoach-tdkt-${DEMO_YEAR}`,
      year: DEMO_YEAR,
      issuedByUnitId: 'huyen-bach-thong',
      title: `Kế hoạch công tác thi đua, khen thưởng năm ${DEMO_YEAR}`,
      tasks: [
        {
          quarter: 1,
          content: `Ban hành Kế hoạch công tác thi đua, khen thưởng năm ${DEMO_YEAR}`,
          directingUnitId: 'huyen-bach-thong',
          executingUnitIds: ['phong-noi-vu'],
        },
        {
          quarter: 1,
          content: 'Hướng dẫn đăng ký thi đua, phân công Trưởng, Phó Trưởng khối thi đua',
          directingUnitId: 'huyen-bach-thong',
          executingUnitIds: ['phong-noi-vu'],
          coordinatingUnitIds: ['xa-quan-ha', 'xa-cam-giang'],
        },
        {
          quarter: 2,
          content: 'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm',
          directingUnitId: 'huyen-bach-thong',
          executingUnitIds: ['xa-quan-ha'],
        },
        {
          quarter: 3,
          content: 'Cử cán bộ tham gia tập huấn công tác thi đua, khen thưởng do tỉnh tổ chức',
          directingUnitId: 'huyen-bach-thong',
          executingUnitIds: ['phong-noi-vu'],
        },
        {
          quarter: 4,
          content: `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${DEMO_YEAR}`,
          directingUnitId: 'huyen-bach-thong',
          executingUnitIds: ['phong-noi-vu'],
          coordinatingUnitIds: ['phong-gddt', 'phong-tckh'],
        },
      ],
    },
  });
  await call('reportPlanTask', { planId: plan.id, taskNo: 1, done: true, note: 'Kế hoạch số 15/KH-UBND ngày 20/02' });
  await call('reportPlanTask', { planId: plan.id, taskNo: 2, done: true, note: null });
  await call('reportPlanTask', {
    planId: plan.id,
    taskNo: 3,
    done: false,
    note: 'Đã tổ chức hội nghị sơ kết cụm, chờ báo cáo',
  });

  log('the communes cluster: leadership, criteria, scores, ranking');
  await call('formCluster', {
    input: {
      id: CLUSTER,
      name: 'Khối thi đua các xã',
      kind: 'BLOC',
      organizerUnitId: 'huyen-bach-thong',
      memberUnitIds: Object.keys(SCORES),
    },
  });
  await call('assignClusterLeadership', {
    clusterId: CLUSTER,
    year: DEMO_YEAR,
    leaderUnitId: 'xa-quan-ha',
    deputyUnitId: 'xa-cam-giang',
  });
  await call('setClusterCriteria', { input: { clusterId: CLUSTER, year: DEMO_YEAR, criteria: CRITERIA } });
  for (const kind of ['SELF', 'ASSESSED'] as const) {
    for (const [unitId, scores] of Object.entries(SCORES)) {
      for (const [i, criterion] of CRITERIA.entries()) {
        const points = kind === 'SELF' ? scores.self[i] : scores.assessed[i];
        const scorer = kind === 'SELF' ? unitOfficer(unitId) : DEMO_ACTORS.districtSecretariat;
        await call(
          'recordClusterScore',
          {
            input: {
              clusterId: CLUSTER,
              year: DEMO_YEAR,
              unitId,
              criterionCode: criterion.code,
              points,
              kind,
              note: null,
            },
          },
          scorer,
        );
      }
    }
  }
  await call('finalizeClusterRanking', { clusterId: CLUSTER, year: DEMO_YEAR });

  log('registrations, ratings, an initiative');
  const nominees = ['p-dang-thi-lan', 'p-bui-van-minh', 'p-do-thi-ngoc', 'p-ngo-van-phuc', 'p-duong-thi-quynh'];
  const officerOf = (personId: string) => unitOfficer(PERSON_UNIT.get(personId)!);
  for (const id of nominees)
    await call(
      'registerTitle',
      { input: { subject: individual(id), award: 'ADVANCED_WORKER', period: YEAR, movementId: 'pt-nong-thon-moi' } },
      officerOf(id),
    );
  await call(
    'registerTitle',
    { input: { subject: individual('p-dang-thi-lan'), award: 'GRASSROOTS_EMULATION_FIGHTER', period: YEAR } },
    officerOf('p-dang-thi-lan'),
  );
  await call(
    'registerTitle',
    { input: { subject: collective('xa-quan-ha'), award: 'PROVINCIAL_EMULATION_FLAG', period: YEAR } },
    unitOfficer('xa-quan-ha'),
  );
  const ratings: Record<string, string> = {
    'p-dang-thi-lan': 'EXCELLENT',
    'p-bui-van-minh': 'GOOD',
    'p-do-thi-ngoc': 'GOOD',
    'p-ngo-van-phuc': 'EXCELLENT',
    'p-duong-thi-quynh': 'COMPLETED',
  };
  for (const [id, rating] of Object.entries(ratings))
    await call('ratePerformance', { input: { subject: individual(id), period: YEAR, rating } }, officerOf(id));
  // A correction: the first rating of Ngọc was entered wrong.
  await call(
    'ratePerformance',
    { input: { subject: individual('p-do-thi-ngoc'), period: YEAR, rating: 'EXCELLENT' } },
    officerOf('p-do-thi-ngoc'),
  );
  await call('recognizeInitiative', {
    input: {
      id: `sk-${DEMO_YEAR}-ban-do-so`,
      title: 'Ứng dụng bản đồ số quản lý vùng trồng cây ăn quả',
      authorIds: ['p-bui-van-minh'],
      level: 'DISTRICT',
      period: YEAR,
      decisionNumber: `88/QĐ-HĐSK`,
    },
  });

  log('dossiers, appraisal, first council session, decisions');
  const dossiers: Record<string, string> = {};
  const awards: Record<string, string> = {};
  const submitted = `${DEMO_YEAR}-12-02`;
  for (const id of nominees) {
    const proposingUnitId = PERSON_UNIT.get(id)!;
    const dossier = await call('submitDossier', {
      input: {
        id: `hs-ldtt-${id.slice(2)}`,
        proposingUnitId,
        nominee: individual(id),
        award: 'ADVANCED_WORKER',
        period: YEAR,
        movementId: 'pt-nong-thon-moi',
        achievements:
          'Hoàn thành tốt nhiệm vụ được giao, chấp hành tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.',
        submittedOn: submitted,
      },
    });
    dossiers[id] = dossier.id;
  }
  await call('returnDossier', {
    dossierId: dossiers['p-do-thi-ngoc'],
    reason: 'Thiếu bản nhận xét, đánh giá của thủ trưởng đơn vị',
  });
  // The proposing unit supplements its dossier.
  await call(
    'resubmitDossier',
    {
      dossierId: dossiers['p-do-thi-ngoc'],
      achievements:
        'Hoàn thành xuất sắc nhiệm vụ tham mưu dự toán ngân sách; bổ sung bản nhận xét của Trưởng phòng Tài chính - Kế hoạch.',
    },
    officerOf('p-do-thi-ngoc'),
  );
  for (const id of nominees) await call('appraiseDossier', { dossierId: dossiers[id], note: null });
  const eligibleFirstRound = nominees.filter((id) => id !== 'p-duong-thi-quynh'); // rated COMPLETED: ineligible

  const session1 = await call('conveneCouncilSession', {
    input: {
      id: `phien-hop-${DEMO_YEAR}-1`,
      councilUnitId: 'huyen-bach-thong',
      heldOn: `${DEMO_YEAR}-12-10`,
      memberIds: DEMO_COUNCIL,
      dossierIds: eligibleFirstRound.map((id) => dossiers[id]),
    },
  });
  await castBallots(
    call,
    session1.id,
    eligibleFirstRound.map((id) => ({ dossierId: dossiers[id], nomineeId: id, nomineeUnitId: PERSON_UNIT.get(id)! })),
  );
  await call('closeCouncilSession', { sessionId: session1.id });
  for (const id of eligibleFirstRound) {
    const award = await call('grantAward', {
      input: {
        id: `kt-ldtt-${id.slice(2)}`,
        dossierId: dossiers[id],
        decisionNumber: '125/QĐ-UBND',
        decidedOn: `${DEMO_YEAR}-12-15`,
        issuedByUnitId: 'huyen-bach-thong',
        signerName: 'Đinh Quang Hưng',
      },
    });
    awards[id] = award.id;
  }

  log('second round: a grassroots emulation fighter and the emulation flag');
  const fighter = await call('submitDossier', {
    input: {
      id: 'hs-cstdcs-dang-thi-lan',
      proposingUnitId: 'thcs-phu-thong',
      nominee: individual('p-dang-thi-lan'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      period: YEAR,
      achievements: 'Giáo viên dạy giỏi cấp huyện; tỷ lệ học sinh khá giỏi môn Toán đạt 78%.',
      submittedOn: `${DEMO_YEAR}-12-16`,
    },
  });
  const flag = await call('submitDossier', {
    input: {
      id: 'hs-co-thi-dua-xa-quan-ha',
      proposingUnitId: 'huyen-bach-thong',
      nominee: collective('xa-quan-ha'),
      award: 'PROVINCIAL_EMULATION_FLAG',
      period: YEAR,
      achievements: 'Dẫn đầu Khối thi đua các xã; hoàn thành xã nông thôn mới nâng cao.',
      submittedOn: `${DEMO_YEAR}-12-16`,
    },
  });
  dossiers.fighter = fighter.id;
  dossiers.flag = flag.id;
  await call('appraiseDossier', { dossierId: fighter.id, note: 'Đủ điều kiện theo Luật Thi đua, khen thưởng 2022' });
  await call('appraiseDossier', { dossierId: flag.id, note: null });
  const session2 = await call('conveneCouncilSession', {
    input: {
      id: `phien-hop-${DEMO_YEAR}-2`,
      councilUnitId: 'huyen-bach-thong',
      heldOn: `${DEMO_YEAR}-12-20`,
      memberIds: DEMO_COUNCIL,
      dossierIds: [fighter.id, flag.id],
    },
  });
  await castBallots(call, session2.id, [
    { dossierId: fighter.id, nomineeId: 'p-dang-thi-lan', nomineeUnitId: 'thcs-phu-thong' },
    { dossierId: flag.id, nomineeId: 'xa-quan-ha', nomineeUnitId: 'xa-quan-ha' },
  ]);
  await call('closeCouncilSession', { sessionId: session2.id });
  awards.fighter = (
    await call('grantAward', {
      input: {
        id: 'kt-cstdcs-dang-thi-lan',
        dossierId: fighter.id,
        decisionNumber: '131/QĐ-UBND',
        decidedOn: `${DEMO_YEAR}-12-24`,
        issuedByUnitId: 'huyen-bach-thong',
        signerName: 'Đinh Quang Hưng',
      },
    })
  ).id;
  awards.flag = (
    await call(
      'grantAward',
      {
        input: {
          id: 'kt-co-thi-dua-xa-quan-ha',
          dossierId: flag.id,
          decisionNumber: '2156/QĐ-UBND',
          decidedOn: `${DEMO_YEAR + 1}-01-08`,
          issuedByUnitId: 'tinh-bac-kan',
          signerName: 'Nguyễn Đăng Bình',
        },
      },
      DEMO_ACTORS.provinceSecretariat,
    )
  ).id;

  log('complaints: one upheld (the award is revoked), one dismissed');
  const complaint = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${DEMO_YEAR + 1}-001`,
        kind: 'COMPLAINT',
        complainantName: 'Lý Văn Sơn',
        receivedOn: `${DEMO_YEAR + 1}-01-06`,
        content: 'Ông Ngô Văn Phúc bị kỷ luật khiển trách trong năm nhưng vẫn được tặng danh hiệu Lao động tiên tiến.',
        awardId: awards['p-ngo-van-phuc'],
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
  await call(
    'acceptComplaint',
    { complaintId: complaint.id, acceptedOn: `${DEMO_YEAR + 1}-01-10`, complex: false, remoteArea: true },
    DEMO_ACTORS.complaintOfficer,
  );
  await call(
    'resolveComplaint',
    {
      input: {
        complaintId: complaint.id,
        outcome: 'UPHELD',
        resolution:
          'Xác minh đúng nội dung khiếu nại: cá nhân bị kỷ luật trong năm không đủ điều kiện. Thu hồi danh hiệu theo Điều 93 Luật Thi đua, khen thưởng 2022.',
        decidedOn: `${DEMO_YEAR + 1}-02-05`,
        revokeAward: true,
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
  const petition = await call(
    'fileComplaint',
    {
      input: {
        id: `kn-${DEMO_YEAR + 1}-002`,
        kind: 'PETITION',
        complainantName: 'Hà Thị Tuyết',
        receivedOn: `${DEMO_YEAR + 1}-01-12`,
        content: 'Đề nghị xem xét khen thưởng cho tổ hòa giải thôn Nà Pài.',
        subject: collective('xa-cam-giang'),
      },
    },
    DEMO_ACTORS.complaintOfficer,
  );
  await call(
    'dismissComplaint',
    {
      complaintId: petition.id,
      reason: 'Không thuộc thẩm quyền giải quyết; đã hướng dẫn gửi UBND xã Cẩm Giàng.',
      decidedOn: `${DEMO_YEAR + 1}-01-15`,
    },
    DEMO_ACTORS.complaintOfficer,
  );

  return {
    positions,
    dossiers,
    awards,
    revokedAwardId: awards['p-ngo-van-phuc'],
    sessions: [session1.id, session2.id],
    lastPosition: positions[positions.length - 1],
  };
}

/**
 * Every council member votes on every agenda item, except where the rules forbid it
 * (the nominee, or a member of the nominee's unit). Ballots are cast by the member
 * itself, so the actor is the member.
 */
async function castBallots(
  call: (name: keyof typeof M, variables: Record<string, unknown>, actor?: TokenSubject) => Promise<unknown>,
  sessionId: string,
  agenda: Array<{ dossierId: string; nomineeId: string; nomineeUnitId: string }>,
): Promise<void> {
  for (const item of agenda) {
    for (const [index, memberId] of DEMO_COUNCIL.entries()) {
      if (memberId === item.nomineeId || PERSON_UNIT.get(memberId) === item.nomineeUnitId) continue;
      const choice = index === 4 ? 'ABSTAIN' : 'APPROVE';
      await call(
        'castBallot',
        { input: { sessionId, dossierId: item.dossierId, memberId, choice } },
        { sub: memberId, role: 'COUNCIL_MEMBER' },
      );
    }
  }
}
