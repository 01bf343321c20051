/**
 * Each year's days off and working Saturdays as announced for civil servants (the
 * Prime Minister's decision, notified by the Ministry of Labour – Invalids and Social
 * Affairs until 2024 and by the Ministry of Home Affairs since 2025). `daysOff` lists the
 * weekdays off (holidays, compensatory days, swapped days); `workingWeekendDays` the
 * Saturdays worked in exchange. Years not listed here are provisional: their days off
 * are derived from the Labour Code (holidayCalendar.ts).
 */
import type { IsoDate } from '../../shared/domain';

export interface AnnouncedYear {
  sources: readonly string[];
  daysOff: readonly IsoDate[];
  workingWeekendDays: readonly IsoDate[];
}

export const ANNOUNCED_DAYS_OFF: Readonly<Record<number, AnnouncedYear>> = Object.freeze({
  2024: {
    sources: [
      // Not verified against the published notice: 1 Jan; Tết Thu 8 Feb – Wed 14 Feb;
      // Hùng Kings Thu 18 Apr; 2 Sep with Tue 3 Sep.
      'Thông báo 6150/TB-LĐTBXH (Tết 2024, 30/4–1/5, 2/9) — Tết and 2/9 dates unverified',
      // Verified: 27/4–1/5 off, Mon 29/4 swapped with Saturday 4/5/2024.
      'Thủ tướng: hoán đổi ngày làm việc thứ Hai 29/4/2024 sang thứ Bảy 4/5/2024',
    ],
    daysOff: [
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ],
    workingWeekendDays: ['2024-05-04'],
  },
  2025: {
    sources: [
      // Not verified against the published notice: 1 Jan; Tết Sat 25 Jan – Sun 2 Feb with no
      // make-up day; Hùng Kings Mon 7 Apr; 2 Sep with Mon 1 Sep.
      'Thông báo của Bộ LĐTBXH về lịch nghỉ Tết Âm lịch và Quốc khánh 2025 — Tết and 2/9 dates unverified',
      // Verified: 30/4–4/5 off, Fri 2/5 swapped with Saturday 26/4/2025.
      'Thủ tướng: hoán đổi ngày làm việc thứ Sáu 2/5/2025 sang thứ Bảy 26/4/2025',
    ],
    daysOff: [
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ],
    workingWeekendDays: ['2025-04-26'],
  },
  2026: {
    sources: [
      // Verified: Thu 1/1 – Sun 4/1 off, Fri 2/1 swapped with Saturday 10/1/2026.
      'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch 2026)',
      // Verified: Tết Mon 16/2 – Fri 20/2/2026 (29 tháng Chạp – mùng 4), 9 days with the weekends.
      'Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Âm lịch và Quốc khánh 2026)',
      // Labour Code 2019 Art. 112(3): Hùng Kings falls on Sunday 26/4, so Monday 27/4 is off in lieu.
      // Quốc khánh 2026: 1/9 and 2/9; any further swap in Thông báo 9441 is unverified and not listed.
    ],
    daysOff: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ],
    workingWeekendDays: ['2026-01-10'],
  },
});
