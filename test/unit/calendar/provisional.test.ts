import { describe, expect, it } from 'vitest';
import { type CalendarKind, dayInfo, dayRange, slaDeadline } from '../../../shared/calendar';
import { createDayCalendar, type DayInfo } from '../../../shared/calendar/day-calendar';
import { dayOf, formatLocalDate } from '../../../shared/calendar/local-date';
import { chineseDaysYears, mergeOfficialYears } from '../../../shared/calendar/official-data';
import { provisionalRestDays, statutoryHolidays } from '../../../shared/calendar/provisional-year';
import {
  chineseNewYearsEve,
  dayOfLunarDate,
  lunarNewYear,
  qingmingDay,
} from '../../../shared/calendar/traditional-dates';
import {
  libraryDayFunctionsHold,
  libraryLunarDate,
  libraryLunarMonthDays,
  libraryQingming,
} from './chinese-days-oracle';

const onWeekend = (date: string): boolean => [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

const years = (first: number, last: number): number[] =>
  Array.from({ length: last - first + 1 }, (_, index) => first + index);

describe('traditional festival dates', () => {
  it('puts the 2027 festivals on their known dates', () => {
    expect(formatLocalDate(chineseNewYearsEve(2027))).toBe('2027-02-05');
    expect(formatLocalDate(lunarNewYear(2027))).toBe('2027-02-06');
    expect(formatLocalDate(qingmingDay(2027))).toBe('2027-04-05');
    expect(formatLocalDate(dayOfLunarDate(2027, 5, 5))).toBe('2027-06-09');
    expect(formatLocalDate(dayOfLunarDate(2027, 8, 15))).toBe('2027-09-15');
  });

  it('agrees with chinese-days’ lunar conversion for 2027', () => {
    // The 12th month of lunar 2026 has 29 days, so 除夕 2027 is 腊月廿九.
    expect(libraryLunarMonthDays(2026, 12)).toBe(29);
    expect(libraryLunarDate('2027-02-05')).toMatchObject({ lunarMon: 12, lunarDay: 29, isLeap: false });
    expect(libraryLunarDate('2027-02-06')).toMatchObject({ lunarMon: 1, lunarDay: 1, isLeap: false });
    expect(libraryLunarDate('2027-06-09')).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
    expect(libraryLunarDate('2027-09-15')).toMatchObject({ lunarMon: 8, lunarDay: 15, isLeap: false });
  });

  it.each(years(2004, 2099))('%i: 除夕 is the last day of the 12th month, 29th or 30th', (year) => {
    const eve = formatLocalDate(chineseNewYearsEve(year));
    const monthLength = libraryLunarMonthDays(year - 1, 12);
    expect(libraryLunarDate(eve)).toMatchObject({ lunarMon: 12, lunarDay: monthLength, isLeap: false });
    expect(libraryLunarDate(formatLocalDate(lunarNewYear(year)))).toMatchObject({ lunarMon: 1, lunarDay: 1 });
    expect(libraryLunarDate(formatLocalDate(dayOfLunarDate(year, 5, 5)))).toMatchObject({
      lunarMon: 5,
      lunarDay: 5,
      isLeap: false,
    });
    expect(libraryLunarDate(formatLocalDate(dayOfLunarDate(year, 8, 15)))).toMatchObject({
      lunarMon: 8,
      lunarDay: 15,
      isLeap: false,
    });
  });

  it('finds Qingming inside every official 清明 holiday, 2008–2026', () => {
    for (const year of years(2008, 2026)) {
      expect(dayInfo(formatLocalDate(qingmingDay(year)))).toMatchObject({ kind: 'holiday', name: '清明' });
    }
  });

  it.runIf(libraryDayFunctionsHold)('matches chinese-days’ Qingming for 2004–2099', () => {
    for (const year of years(2004, 2099))
      expect(formatLocalDate(qingmingDay(year))).toBe(libraryQingming(year));
  });
});

describe('the provisional calendar (放假办法, 2024 revision)', () => {
  it('gives 2027 its statutory holidays and 补假 for those on a weekend', () => {
    expect(provisionalRestDays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦', substitute: false },
      { date: '2027-02-05', name: '春节', substitute: false },
      { date: '2027-02-06', name: '春节', substitute: false },
      { date: '2027-02-07', name: '春节', substitute: false },
      { date: '2027-02-08', name: '春节', substitute: false },
      { date: '2027-02-09', name: '春节', substitute: true },
      { date: '2027-02-10', name: '春节', substitute: true },
      { date: '2027-04-05', name: '清明节', substitute: false },
      { date: '2027-05-01', name: '劳动节', substitute: false },
      { date: '2027-05-02', name: '劳动节', substitute: false },
      { date: '2027-05-03', name: '劳动节', substitute: true },
      { date: '2027-05-04', name: '劳动节', substitute: true },
      { date: '2027-06-09', name: '端午节', substitute: false },
      { date: '2027-09-15', name: '中秋节', substitute: false },
      { date: '2027-10-01', name: '国庆节', substitute: false },
      { date: '2027-10-02', name: '国庆节', substitute: false },
      { date: '2027-10-03', name: '国庆节', substitute: false },
      { date: '2027-10-04', name: '国庆节', substitute: true },
      { date: '2027-10-05', name: '国庆节', substitute: true },
    ]);
  });

  it('serves 2027 as provisional: no make-up workdays, 补假 days named as such', () => {
    const year = dayRange('2027-01-01', '2027-12-31');
    expect(year.every((day) => day.provisional)).toBe(true);
    expect(year.filter((day) => day.kind === 'make-up-workday')).toEqual([]);
    expect(dayInfo('2027-02-06')).toEqual({
      date: '2027-02-06',
      kind: 'holiday',
      working: false,
      name: '春节',
      provisional: true,
    });
    expect(dayInfo('2027-02-09')).toMatchObject({ kind: 'holiday', name: '春节（补假）', provisional: true });
    expect(slaDeadline('2027-02-04T12:00:00+08:00', 3)).toMatchObject({
      deadlineDate: '2027-02-15',
      calendar: 'provisional' satisfies CalendarKind,
    });
  });

  it('gives a 补假 day when two holidays fall on one day (中秋节 on 3 October 2028)', () => {
    const rest = provisionalRestDays(2028).filter(
      (day) => day.date >= '2028-10-01' && day.date <= '2028-10-08',
    );
    expect(rest).toEqual([
      { date: '2028-10-01', name: '国庆节', substitute: false },
      { date: '2028-10-02', name: '国庆节', substitute: false },
      { date: '2028-10-03', name: '国庆节、中秋节', substitute: false },
      { date: '2028-10-04', name: '国庆节', substitute: true },
      { date: '2028-10-05', name: '中秋节', substitute: true },
    ]);
  });

  it.each(years(2027, 2099))(
    '%i: owes 13 statutory days and gives back each one not on a weekday',
    (year) => {
      const statutory = statutoryHolidays(year).map((holiday) => formatLocalDate(holiday.day));
      const givenBack = provisionalRestDays(year).filter((day) => day.substitute);
      const notOnAWeekday = statutory.filter(
        (date, index) => onWeekend(date) || statutory.indexOf(date) !== index,
      );
      expect(statutory).toHaveLength(13);
      expect(givenBack).toHaveLength(notOnAWeekday.length);
      expect(givenBack.filter((day) => onWeekend(day.date))).toEqual([]);
    },
  );
});

describe('2026 provisional, compared with the official 2026 arrangement', () => {
  const official = new Map(dayRange('2026-01-01', '2026-12-31').map((day) => [day.date, day]));
  const asIfUnpublished = createDayCalendar(
    mergeOfficialYears(chineseDaysYears().filter((entry) => entry.year !== 2026)),
  );
  const provisional: DayInfo[] = [];
  for (let day = dayOf(2026, 1, 1); day <= dayOf(2026, 12, 31); day++)
    provisional.push(asIfUnpublished.info(day));
  const officialDay = (date: string) => official.get(date) as DayInfo;

  it('reproduces every statutory holiday date as an official holiday of the same festival', () => {
    const statutory = statutoryHolidays(2026).map((holiday) => ({
      date: formatLocalDate(holiday.day),
      name: holiday.name,
    }));
    expect(statutory.map((holiday) => holiday.date)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-05-01',
      '2026-05-02',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ]);
    for (const holiday of statutory) {
      const day = officialDay(holiday.date);
      expect(day.kind).toBe('holiday');
      // chinese-days shortens three names: 清明, 端午, 中秋.
      expect(holiday.name.startsWith(day.name as string)).toBe(true);
    }
  });

  it('rests only on days that are official rest days or official make-up workdays', () => {
    const outside = provisional.filter(
      (day) =>
        !day.working && officialDay(day.date).working && officialDay(day.date).kind !== 'make-up-workday',
    );
    expect(outside).toEqual([]);
  });

  it('differs from the official year exactly on its bridge days and make-up workdays', () => {
    const differences = provisional
      .filter((day) => day.working !== officialDay(day.date).working)
      .map((day) => `${day.date} ${officialDay(day.date).kind}`);
    expect(differences).toEqual([
      '2026-01-02 holiday',
      '2026-01-04 make-up-workday',
      '2026-02-14 make-up-workday',
      '2026-02-20 holiday',
      '2026-02-23 holiday',
      '2026-02-28 make-up-workday',
      '2026-05-05 holiday',
      '2026-05-09 make-up-workday',
      '2026-09-20 make-up-workday',
      '2026-10-06 holiday',
      '2026-10-07 holiday',
      '2026-10-10 make-up-workday',
    ]);
  });

  it('has as many working days as the official year: 调休 moves days, it does not add any', () => {
    const officialWorking = [...official.values()].filter((day) => day.working).length;
    expect(provisional.filter((day) => day.working)).toHaveLength(officialWorking);
    expect(provisional.every((day) => day.provisional)).toBe(true);
  });
});
