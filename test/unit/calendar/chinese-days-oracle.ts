/**
 * chinese-days as an independent oracle for the tests. West of UTC its day functions are wrong in any
 * form of input: it reads `YYYY-MM-DD` as UTC midnight and formats in local time, even when it builds
 * its own holiday tables, so there (America/Los_Angeles) a Saturday comes back as a workday. The
 * calendar reads its published JSON instead; the tests ask its functions only where they hold.
 */
import chineseDays from 'chinese-days';

/** True in UTC and east of it, where chinese-days' day functions answer correctly. */
export const libraryDayFunctionsHold = new Date(2026, 0, 1).getTimezoneOffset() <= 0;

export function libraryIsWorkday(date: string): boolean {
  if (!libraryDayFunctionsHold) throw new Error('chinese-days day functions are wrong west of UTC');
  return chineseDays.isWorkday(date);
}

/** The lunar date of a Gregorian date; computed from instants, so right in every time zone. */
export function libraryLunarDate(date: string): { lunarMon: number; lunarDay: number; isLeap: boolean } {
  return chineseDays.getLunarDate(date);
}

export function libraryLunarMonthDays(lunarYear: number, month: number): number {
  return chineseDays.monthDays(lunarYear, month);
}

export function libraryQingming(year: number): string {
  if (!libraryDayFunctionsHold) throw new Error('chinese-days day functions are wrong west of UTC');
  return chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
}
