/**
 * Working days in Vietnam's public administration: Monday to Friday, except public
 * holidays and the days announced off; announced make-up Saturdays are working days.
 * Years without an announcement are provisional: their days off follow the Labour Code
 * alone, and a due date that crosses one says so (`dueDateProvisional`).
 */
import { addDays, type IsoDate } from '../../shared/domain';
import { ANNOUNCED_DAYS_OFF } from './announcedDaysOff';
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, LUNAR_HOLIDAYS } from './lunarHolidays';

/** Labour Code 2019 (45/2019/QH14) Art. 112(1)(đ): from 2021 National Day is 2 Sep plus one adjacent day. */
const TWO_DAY_NATIONAL_DAY_FROM = 2021;

function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/**
 * The public holidays of Labour Code 2019 Art. 112(1) (Labour Code 2012 Art. 115 before
 * 2021): 1 Jan; Tết, 5 days (the last day of the old lunar year and the first four of the
 * new one, the usual arrangement); Hùng Kings (10/3 lunar); 30 Apr; 1 May; 2 Sep, with
 * 1 Sep from 2021 (the adjacent day the Prime Minister picks; 1 Sep until announced).
 * Lunar holidays are known for 2013–2036 only.
 */
export function statutoryHolidays(year: number): IsoDate[] {
  const days: IsoDate[] = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
  if (year >= TWO_DAY_NATIONAL_DAY_FROM) days.push(`${year}-09-01`);
  const lunar = LUNAR_HOLIDAYS[year];
  if (lunar) {
    for (let offset = -1; offset <= 3; offset++) days.push(addDays(lunar.tet, offset));
    days.push(lunar.hungKings);
  }
  return days.sort();
}

/**
 * A year's weekdays off before any announcement: the statutory holidays, and for each
 * one that falls on a Saturday or Sunday the next working day in lieu (Labour Code 2019
 * Art. 112(3)).
 */
export function provisionalDaysOff(year: number): Set<IsoDate> {
  const holidays = statutoryHolidays(year);
  const off = new Set(holidays.filter((day) => !isWeekend(day)));
  // Each day in lieu goes to the first free weekday after the holiday it replaces.
  for (const holiday of holidays.filter(isWeekend)) {
    let inLieu = addDays(holiday, 1);
    while (isWeekend(inLieu) || off.has(inLieu)) inLieu = addDays(inLieu, 1);
    off.add(inLieu);
  }
  return off;
}

const provisionalCache = new Map<number, Set<IsoDate>>();

function daysOffIn(year: number): ReadonlySet<IsoDate> {
  const announced = ANNOUNCED_DAYS_OFF[year];
  if (announced) return new Set(announced.daysOff);
  let off = provisionalCache.get(year);
  if (!off) {
    off = provisionalDaysOff(year);
    provisionalCache.set(year, off);
  }
  return off;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Whether civil servants work on `date`. */
export function isWorkingDay(date: IsoDate): boolean {
  const year = yearOf(date);
  if (ANNOUNCED_DAYS_OFF[year]?.workingWeekendDays.includes(date)) return true;
  return !isWeekend(date) && !daysOffIn(year).has(date);
}

/** Whether the year's days off are still provisional: not announced, or beyond the lunar table. */
export function isProvisionalYear(year: number): boolean {
  return ANNOUNCED_DAYS_OFF[year] === undefined || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR;
}

/** Whether any year from `from` to `to` (inclusive) is provisional. */
export function spansProvisionalYear(from: IsoDate, to: IsoDate): boolean {
  for (let year = yearOf(from); year <= yearOf(to); year++) if (isProvisionalYear(year)) return true;
  return false;
}

/** The `count`-th working day after `start` (the start day itself not counted). */
export function addWorkingDays(start: IsoDate, count: number): IsoDate {
  let date = start;
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}

/** `date` itself when it is a working day, else the next working day. */
export function nextWorkingDayFrom(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
