/**
 * Where the traditional festivals fall in a Gregorian year: lunar dates and the Qingming solar term.
 *
 * Only chinese-days' table functions are used (`monthDays`, `getYearLeapMonth`: pure lookups in its
 * 1900–2100 lunar table). Its date functions read `YYYY-MM-DD` as UTC midnight and then work in the
 * process time zone, so west of UTC (America/Los_Angeles) they are one day off.
 */
import chineseDays from 'chinese-days';
import { type DayNumber, dayOf } from './local-date';

/** 正月初一 of lunar year 1900. */
const LUNAR_EPOCH = dayOf(1900, 1, 31);
const FIRST_LUNAR_YEAR = 1900;

function leapMonthOf(lunarYear: number): { month: number; days: number } {
  const leap = chineseDays.getYearLeapMonth(lunarYear);
  return { month: leap.leapMonth ?? 0, days: leap.days };
}

function lunarYearLength(lunarYear: number): number {
  let days = leapMonthOf(lunarYear).days;
  for (let month = 1; month <= 12; month++) days += chineseDays.monthDays(lunarYear, month);
  return days;
}

/** 正月初一 (Spring Festival) of a lunar year; it always falls in the Gregorian year of the same number. */
export function lunarNewYear(lunarYear: number): DayNumber {
  let day = LUNAR_EPOCH;
  for (let year = FIRST_LUNAR_YEAR; year < lunarYear; year++) day += lunarYearLength(year);
  return day;
}

/** The Gregorian day of a date in a regular (non-leap) lunar month. */
export function dayOfLunarDate(lunarYear: number, month: number, dayOfMonth: number): DayNumber {
  const leap = leapMonthOf(lunarYear);
  let day = lunarNewYear(lunarYear);
  for (let earlier = 1; earlier < month; earlier++) {
    day += chineseDays.monthDays(lunarYear, earlier);
    if (earlier === leap.month) day += leap.days;
  }
  return day + dayOfMonth - 1;
}

/**
 * 除夕, the last day of the twelfth lunar month (its 29th or 30th, depending on the month's length):
 * the eve of 正月初一 by definition, so no month length is needed.
 */
export function chineseNewYearsEve(gregorianYear: number): DayNumber {
  return lunarNewYear(gregorianYear) - 1;
}

/**
 * The Qingming solar term day (April), by the 寿星通式 with the 21st-century constant C = 4.81, the
 * formula chinese-days uses (it lists no Qingming exceptions this century). Valid for 2000–2099.
 */
export function qingmingDay(year: number): DayNumber {
  if (year < 2000 || year > 2099) throw new RangeError(`Qingming is computed for 2000–2099, not ${year}`);
  const yy = year % 100;
  return dayOf(year, 4, Math.floor(yy * 0.2422 + 4.81) - Math.floor(yy / 4));
}
