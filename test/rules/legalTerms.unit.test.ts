import { DenunciationComplexity } from '../../src/complaints/complaint.events';
import {
  addWorkingDays,
  isProvisionalYear,
  isWorkingDay,
  provisionalDaysOff,
  statutoryHolidays,
} from '../../src/rules/holidays/holidayCalendar';
import { LUNAR_HOLIDAYS } from '../../src/rules/holidays/lunarHolidays';
import {
  appraisalDueDate,
  computeDueDate,
  DayCount,
  denunciationTermsOn,
  dueDateFor,
  dueDateProvisional,
} from '../../src/rules/legalTerms';
import { AuthorityLevel, ComplaintKind } from '../../src/shared/domain';
import { InvalidInput } from '../../src/shared/errors';

describe('holiday calendar', () => {
  it('knows Tết and the Hùng Kings on the Vietnamese (UTC+7) lunar calendar', () => {
    expect(LUNAR_HOLIDAYS[2025]).toEqual({ tet: '2025-01-29', hungKings: '2025-04-07' });
    expect(LUNAR_HOLIDAYS[2030].tet).toBe('2030-02-02'); // China's calendar says Feb 3
  });

  it('counts the announced 2025 days off and the make-up Saturday', () => {
    for (const day of ['2025-01-27', '2025-01-31', '2025-04-30', '2025-05-02', '2025-09-01', '2025-09-02'])
      expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: false });
    expect(isWorkingDay('2025-04-26')).toBe(true); // Saturday worked for Friday 2 May
    expect(isWorkingDay('2025-04-27')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay('2025-02-03')).toBe(true);
  });

  it('derives a provisional year from the Labour Code, with days in lieu for holidays on a weekend', () => {
    expect(isProvisionalYear(2027)).toBe(true);
    expect(isProvisionalYear(2025)).toBe(false);
    // 2027: Tết Sat 6 Feb, so Fri 5 Feb (the eve) to Tue 9 Feb plus days in lieu for Sat 6 and Sun 7.
    expect(statutoryHolidays(2027)).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-09', '2027-04-16']));
    const off = provisionalDaysOff(2027);
    expect([...off].filter((d) => d.startsWith('2027-02')).sort()).toEqual([
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
  });

  it('adds working days over weekends and Tết', () => {
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-02-03'); // Friday before Tết → Monday after
    expect(addWorkingDays('2025-03-07', 5)).toBe('2025-03-14');
  });
});

describe('legal terms', () => {
  it('computes calendar-day terms, moving one that ends on a day off to the next working day', () => {
    expect(computeDueDate('2025-03-03', 10, DayCount.CALENDAR)).toBe('2025-03-13');
    expect(computeDueDate('2025-03-05', 10, DayCount.CALENDAR)).toBe('2025-03-17'); // Sat 15 → Mon 17
    expect(computeDueDate('2025-04-20', 10, DayCount.CALENDAR)).toBe('2025-05-05'); // 30/4 … 4/5 off
    expect(() => computeDueDate('2025-03-03', -1, DayCount.CALENDAR)).toThrow(InvalidInput);
  });

  it('gives a complaint 10 days and a denunciation 7 working days to be accepted', () => {
    const complaint = dueDateFor({
      item: 'COMPLAINT_ACCEPTANCE',
      kind: ComplaintKind.COMPLAINT,
      receivedOn: '2025-01-20',
    });
    expect(complaint.dueOn).toBe('2025-02-03'); // 30 Jan falls in Tết → next working day
    expect(complaint.term.source).toMatch(/Art\. 27/);
    const denunciation = dueDateFor({
      item: 'COMPLAINT_ACCEPTANCE',
      kind: ComplaintKind.DENUNCIATION,
      receivedOn: '2025-01-20',
    });
    expect(denunciation.dueOn).toBe('2025-02-05'); // 21, 22, 23, 24 Jan, then 3, 4, 5 Feb
    expect(denunciation.term.counting).toBe(DayCount.WORKING);
  });

  it('resolves complaints in 30/45/60 days and denunciations in 30 plus extensions', () => {
    const base = { item: 'COMPLAINT_RESOLUTION' as const, receivedOn: '2025-03-01', acceptedOn: '2025-03-03' };
    const due = (kind: ComplaintKind, complex: boolean, remoteArea: boolean, extensionDays = 0) =>
      dueDateFor({ ...base, kind, complex, remoteArea, extensionDays }).dueOn;
    expect(due(ComplaintKind.COMPLAINT, false, false)).toBe('2025-04-02');
    expect(due(ComplaintKind.COMPLAINT, true, false)).toBe('2025-04-17');
    expect(due(ComplaintKind.PETITION, false, true)).toBe('2025-04-17');
    expect(due(ComplaintKind.COMPLAINT, true, true)).toBe('2025-05-05'); // 2 May swapped off, then the weekend
    expect(due(ComplaintKind.DENUNCIATION, false, false, 30)).toBe('2025-05-05');
    expect(denunciationTermsOn('2025-03-01').maxExtensions).toEqual({
      [DenunciationComplexity.COMPLEX]: 1,
      [DenunciationComplexity.ESPECIALLY_COMPLEX]: 2,
    });
  });

  it('gives appraisal due dates per level and rule set, with no district level in the 2025 set', () => {
    expect(appraisalDueDate('2025-03-03', AuthorityLevel.PROVINCE, 'tdkt-2022')).toBe('2025-03-31');
    // Decree 91/2017 Art. 48(2): 10 working days from a complete dossier.
    expect(appraisalDueDate('2023-03-01', AuthorityLevel.COMMUNE, 'tdkt-2013')).toBe('2023-03-15');
    expect(appraisalDueDate('2023-10-02', AuthorityLevel.DISTRICT, 'tdkt-2013')).toBe('2023-10-16');
    expect(appraisalDueDate('2025-08-01', AuthorityLevel.COMMUNE, 'tdkt-2025')).toBe('2025-08-29');
    expect(() => appraisalDueDate('2025-08-01', AuthorityLevel.DISTRICT, 'tdkt-2025')).toThrow(InvalidInput);
    expect(() => appraisalDueDate('2025-08-01', AuthorityLevel.PROVINCE, 'tdkt-1999')).toThrow(InvalidInput);
  });

  it('marks a due date provisional when it crosses a year whose days off are not announced', () => {
    expect(dueDateProvisional('2025-03-03', '2025-04-02')).toBe(false);
    expect(dueDateProvisional('2026-12-20', '2027-01-19')).toBe(true);
    expect(
      dueDateFor({ item: 'RESULT_NOTIFICATION', decidedOn: '2027-03-01', ruleSetId: 'tdkt-2025' }).provisional,
    ).toBe(true);
  });
});
