/**
 * The solar dates of the two public holidays fixed in the lunar calendar: Tết (the 1st
 * day of the 1st lunar month) and the Hùng Kings' Commemoration (the 10th day of the 3rd
 * lunar month), 2013–2036.
 *
 * Source: the Vietnamese lunar calendar computed with Hồ Ngọc Đức's algorithm for the
 * UTC+7 meridian ("Âm lịch Việt Nam", the reference implementation behind most Vietnamese
 * calendars), generated with the npm package `lunardate` 1.0.12 and spot-checked against
 * the announced days off (Tết 2024-02-10, 2025-01-29, 2026-02-17; Hùng Kings 2024-04-18,
 * 2025-04-07). A table rather than a run-time dependency: `@dqcai/vn-lunar` ships
 * obfuscated code whose CommonJS entry exports nothing, and `lunar-javascript` computes
 * the Chinese calendar (UTC+8), which puts Tết 2030 on Feb 3 instead of Vietnam's Feb 2.
 */
import type { IsoDate } from '../../shared/domain';

export interface LunarHolidayDates {
  /** Mùng 1 Tết: the first day of the lunar year. */
  tet: IsoDate;
  /** 10 tháng 3 âm lịch: the Hùng Kings' Commemoration. */
  hungKings: IsoDate;
}

export const LUNAR_HOLIDAYS: Readonly<Record<number, LunarHolidayDates>> = Object.freeze({
  2013: { tet: '2013-02-10', hungKings: '2013-04-19' },
  2014: { tet: '2014-01-31', hungKings: '2014-04-09' },
  2015: { tet: '2015-02-19', hungKings: '2015-04-28' },
  2016: { tet: '2016-02-08', hungKings: '2016-04-16' },
  2017: { tet: '2017-01-28', hungKings: '2017-04-06' },
  2018: { tet: '2018-02-16', hungKings: '2018-04-25' },
  2019: { tet: '2019-02-05', hungKings: '2019-04-14' },
  2020: { tet: '2020-01-25', hungKings: '2020-04-02' },
  2021: { tet: '2021-02-12', hungKings: '2021-04-21' },
  2022: { tet: '2022-02-01', hungKings: '2022-04-10' },
  2023: { tet: '2023-01-22', hungKings: '2023-04-29' },
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
  2036: { tet: '2036-01-28', hungKings: '2036-04-06' },
});

export const FIRST_CALENDAR_YEAR = 2013;
export const LAST_CALENDAR_YEAR = 2036;
