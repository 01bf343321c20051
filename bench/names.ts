/**
 * Vietnamese names and places for the province generator: family names weighted by
 * their rough share of the population, middle and given names with diacritics, and
 * the names of districts, communes, schools and departments.
 */

/** Family names (họ) and their approximate share, in percent. */
export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.5],
  ['Huỳnh', 4],
  ['Phan', 4.5],
  ['Vũ', 3.5],
  ['Võ', 3.5],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.5],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
];

export const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thanh', 'Xuân', 'Ngọc', 'Đình', 'Bá', 'Trọng', 'Quốc', 'Tấn'];
export const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Minh', 'Hồng', 'Bích', 'Mỹ', 'Diệu', 'Phương'];

export const GIVEN_MALE = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Lâm',
  'Long', 'Lộc', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh',
  'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Hưng', 'Đông', 'Khải', 'Lực', 'Nhân', 'Quý', 'Trí',
];
export const GIVEN_FEMALE = [
  'Anh', 'Bích', 'Châu', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huệ', 'Hương', 'Lan',
  'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thu', 'Thủy',
  'Trang', 'Tuyết', 'Uyên', 'Vân', 'Yến', 'Xuân', 'Diệp', 'Hậu', 'Lệ', 'Nguyệt', 'Thư',
];

export const PROVINCE_NAME = 'Quảng Nam';

/** District names; those marked remote are mountain districts (longer complaint deadlines). */
export const DISTRICTS: ReadonlyArray<readonly [string, boolean]> = [
  ['Điện Bàn', false],
  ['Duy Xuyên', false],
  ['Đại Lộc', false],
  ['Thăng Bình', false],
  ['Quế Sơn', false],
  ['Núi Thành', false],
  ['Tiên Phước', false],
  ['Hiệp Đức', true],
  ['Nông Sơn', true],
  ['Phú Ninh', false],
  ['Bắc Trà My', true],
  ['Nam Trà My', true],
  ['Phước Sơn', true],
  ['Nam Giang', true],
  ['Đông Giang', true],
  ['Tây Giang', true],
];

/** Province departments (sở, ban, ngành); the first is the council's standing agency, the second runs education. */
export const DEPARTMENTS = [
  'Sở Nội vụ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Tư pháp',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Tài nguyên và Môi trường',
  'Sở Thông tin và Truyền thông',
  'Sở Khoa học và Công nghệ',
  'Thanh tra tỉnh',
  'Văn phòng UBND tỉnh',
  'Ban Dân tộc tỉnh',
  'Sở Ngoại vụ',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Ban Quản lý các khu công nghiệp',
  'Liên minh Hợp tác xã tỉnh',
  'Hội Nông dân tỉnh',
  'Tỉnh đoàn',
  'Hội Liên hiệp Phụ nữ tỉnh',
];

/** District offices (phòng); the first is the standing agency, the second runs the schools. */
export const OFFICES = [
  'Phòng Nội vụ',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Tư pháp',
  'Phòng Văn hóa và Thông tin',
  'Phòng Y tế',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế - Hạ tầng',
];

export const COMMUNE_FIRST = ['Bình', 'Hòa', 'Tam', 'Quế', 'Điện', 'Duy', 'Đại', 'Thăng', 'Tiên', 'Phước', 'Sơn', 'Trà', 'Xuân', 'Tân', 'An', 'Phú', 'Hiệp', 'Quang', 'Kỳ', 'Cẩm'];
export const COMMUNE_SECOND = ['An', 'Phước', 'Hòa', 'Thạnh', 'Trung', 'Đông', 'Tây', 'Nam', 'Bắc', 'Minh', 'Lộc', 'Thọ', 'Phong', 'Hiệp', 'Sơn', 'Thành', 'Định', 'Quý', 'Hưng', 'Tú'];

export const SCHOOL_KINDS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS'];
export const NAMESAKES = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Du', 'Lý Tự Trọng', 'Quang Trung', 'Phan Châu Trinh', 'Hoàng Diệu', 'Nguyễn Trãi', 'Kim Đồng',
  'Võ Thị Sáu', 'Nguyễn Văn Trỗi', 'Trần Quốc Toản', 'Lê Quý Đôn', 'Chu Văn An', 'Huỳnh Thúc Kháng', 'Phan Bội Châu', 'Nguyễn Hiền',
  'Lương Thế Vinh', 'Hoa Sen', 'Sao Mai', 'Hoàng Văn Thụ', 'Trần Phú', 'Lê Hồng Phong', 'Ngô Quyền', 'Bạch Đằng',
];

export const DEPT_SUBUNIT_KINDS: Record<string, string> = {
  'Sở Giáo dục và Đào tạo': 'Trường THPT',
  'Sở Y tế': 'Trung tâm Y tế',
  'Sở Nông nghiệp và Phát triển nông thôn': 'Trạm Khuyến nông',
  'Sở Văn hóa, Thể thao và Du lịch': 'Trung tâm Văn hóa',
  'Sở Lao động - Thương binh và Xã hội': 'Trung tâm Dịch vụ việc làm',
};

export const PLAN_TASKS = [
  'Ban hành Kế hoạch công tác thi đua, khen thưởng năm',
  'Hướng dẫn đăng ký thi đua, ký kết giao ước thi đua',
  'Phát động phong trào thi đua thường xuyên',
  'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm',
  'Khen thưởng năm học cho ngành giáo dục',
  'Tập huấn nghiệp vụ công tác thi đua, khen thưởng',
  'Kiểm tra công tác thi đua, khen thưởng tại các đơn vị',
  'Hướng dẫn tổng kết công tác thi đua, khen thưởng',
  'Tiếp nhận, thẩm định hồ sơ đề nghị khen thưởng',
  'Báo cáo tổng kết công tác thi đua, khen thưởng năm',
];

export const MOVEMENT_THEMES = [
  'Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội',
  'Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau',
  'Chung sức xây dựng nông thôn mới',
  'Đẩy mạnh chuyển đổi số trong cơ quan nhà nước',
  'Dạy tốt - học tốt',
  'Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở',
  'Thi đua đổi mới, sáng tạo trong quản lý, sản xuất kinh doanh',
  'Toàn dân đoàn kết xây dựng đời sống văn hóa',
  'Phòng, chống thiên tai và tìm kiếm cứu nạn',
  'Xây dựng đô thị văn minh',
];

export const CRITERIA = [
  ['KT-XH', 'Thực hiện nhiệm vụ phát triển kinh tế - xã hội'],
  ['QP-AN', 'Quốc phòng - an ninh, trật tự an toàn xã hội'],
  ['VH-XH', 'Văn hóa - xã hội, xây dựng nông thôn mới'],
  ['CCHC', 'Cải cách hành chính, chuyển đổi số'],
  ['XDCQ', 'Xây dựng chính quyền, tổ chức bộ máy'],
  ['TC-NS', 'Thu chi ngân sách, quản lý tài chính'],
  ['MT', 'Bảo vệ môi trường, ứng phó biến đổi khí hậu'],
  ['TDKT', 'Công tác thi đua, khen thưởng'],
] as const;

export const COMPLAINANTS_NOTE = [
  'Cá nhân được đề nghị khen thưởng chưa đủ tiêu chuẩn theo quy định.',
  'Quy trình bình xét tại đơn vị không công khai, dân chủ.',
  'Thành tích kê khai trong hồ sơ không đúng thực tế.',
  'Đề nghị xem xét lại kết quả chấm điểm thi đua của cụm.',
  'Cá nhân bị xử lý kỷ luật trong năm nhưng vẫn được đề nghị danh hiệu.',
];

/** Lower-case ASCII without Vietnamese diacritics (đ → d): what people type into a search box. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
