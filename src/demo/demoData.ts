import type { TokenSubject } from '../auth/tokens';

// The people, units and numbers of the demo year in Bạch Thông district: who takes part and what they score.

export const DEMO_YEAR = 2024;
/** The period every registration, rating and dossier of the demo is about. */
export const DEMO_PERIOD = { kind: 'CALENDAR_YEAR', year: DEMO_YEAR };
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

/**
 * The province council's members who sit on the demo's one province session: the
 * chairman, the director of Sở Nội vụ (the standing agency) and three members. The
 * province's standing agency registers them.
 */
export const DEMO_PROVINCE_PEOPLE = [
  {
    id: 'p-nguyen-dang-binh',
    fullName: 'Nguyễn Đăng Bình',
    unitId: 'tinh-bac-kan',
    position: 'Chủ tịch UBND tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh',
    directWorker: false,
  },
  {
    id: 'p-ha-thi-lien',
    fullName: 'Hà Thị Liên',
    unitId: 'tinh-bac-kan',
    position: 'Giám đốc Sở Nội vụ, Phó Chủ tịch Hội đồng',
    directWorker: false,
    female: true,
  },
  {
    id: 'p-ma-van-tuan',
    fullName: 'Ma Văn Tuấn',
    unitId: 'tinh-bac-kan',
    position: 'Trưởng Ban Thi đua - Khen thưởng, ủy viên thường trực',
    directWorker: false,
  },
  {
    id: 'p-nong-thi-thu',
    fullName: 'Nông Thị Thu',
    unitId: 'tinh-bac-kan',
    position: 'Chủ tịch Liên đoàn Lao động tỉnh, ủy viên',
    directWorker: false,
    female: true,
  },
  {
    id: 'p-luong-van-son',
    fullName: 'Lương Văn Sơn',
    unitId: 'tinh-bac-kan',
    position: 'Chánh Văn phòng UBND tỉnh, ủy viên',
    directWorker: false,
  },
];

/** The province council at its session on the demo's forwarded flag. */
export const DEMO_PROVINCE_COUNCIL = DEMO_PROVINCE_PEOPLE.map((person) => person.id);

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

const PERSON_UNIT = new Map([...DEMO_PEOPLE, ...DEMO_PROVINCE_PEOPLE].map((p) => [p.id, p.unitId]));

/** The unit a demo person works in. */
export function unitOfPerson(personId: string): string {
  return PERSON_UNIT.get(personId)!;
}

/** The emulation officer of the unit a demo person works in. */
export function officerOf(personId: string): TokenSubject {
  return unitOfficer(unitOfPerson(personId));
}

/** The communes' emulation bloc (Khối thi đua các xã): its criteria, then its members' scores. */
export const CLUSTER_ID = 'khoi-cac-xa';
export const CLUSTER_CRITERIA = [
  { code: 'KT-XH', name: 'Thực hiện nhiệm vụ phát triển kinh tế - xã hội', maxPoints: 40 },
  { code: 'QP-AN', name: 'Quốc phòng - an ninh, trật tự an toàn xã hội', maxPoints: 20 },
  { code: 'VH-XH', name: 'Văn hóa - xã hội, xây dựng nông thôn mới', maxPoints: 30 },
  { code: 'TDKT', name: 'Công tác thi đua, khen thưởng', maxPoints: 10 },
];
/** Self-scores, then the cluster's assessed scores (which count). */
export const CLUSTER_SCORES: Record<string, { self: number[]; assessed: number[] }> = {
  'xa-quan-ha': { self: [39, 19, 29, 10], assessed: [38, 19, 28, 9.5] },
  'xa-cam-giang': { self: [38, 20, 27, 9], assessed: [36, 18, 27, 9] },
  'xa-nguyen-phuc': { self: [37, 18, 28, 9], assessed: [35, 18, 26, 8.5] },
  'xa-my-thanh': { self: [36, 19, 26, 9], assessed: [34, 17, 27, 8] },
};

/** Registered for, rated, and proposed as advanced workers (Lao động tiên tiến). */
export const ADVANCED_WORKER_NOMINEES = [
  'p-dang-thi-lan',
  'p-bui-van-minh',
  'p-do-thi-ngoc',
  'p-ngo-van-phuc',
  'p-duong-thi-quynh',
];
