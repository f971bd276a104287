/**
 * Dates and instants on the Asia/Shanghai wall clock, whatever the process time zone: Lambda runs in UTC
 * and developers anywhere. Shanghai has been UTC+8 without daylight saving since 1991, so plain
 * arithmetic on epoch milliseconds is exact and never touches the host's time-zone database.
 */

/** An instant: a `Date`, or an ISO 8601 string with `Z` or an explicit offset. */
export type Instant = Date | string;

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Days since 1970-01-01 in Asia/Shanghai: the calendar's internal date, cheap to compare and step. */
export type DayNumber = number;

export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** 1970-01-01 was a Thursday. */
const EPOCH_WEEKDAY = 4;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An offset is required: without one, JavaScript reads the string in the process time zone. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:[0-5]\d)$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Civil-date conversions in integer arithmetic (H. Hinnant's days_from_civil / civil_from_days): a
 * deadline is computed on every API read, and `Date` formatting costs a microsecond a call.
 */
function daysFromCivil(year: number, month: number, dayOfMonth: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(day: DayNumber): [year: number, month: number, dayOfMonth: number] {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth];
}

function dayFromParts(year: number, month: number, dayOfMonth: number): DayNumber | undefined {
  const valid = month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month);
  return valid ? daysFromCivil(year, month, dayOfMonth) : undefined;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The day number of a Gregorian date; throws on dates that do not exist. */
export function dayOf(year: number, month: number, dayOfMonth: number): DayNumber {
  const day = dayFromParts(year, month, dayOfMonth);
  if (day === undefined) throw new RangeError(`No such date: ${year}-${month}-${dayOfMonth}`);
  return day;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parseDay(value) !== undefined;
}

function parseDay(date: string): DayNumber | undefined {
  const match = LOCAL_DATE.exec(date);
  if (!match) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function parseLocalDate(date: LocalDate): DayNumber {
  const day = typeof date === 'string' ? parseDay(date) : undefined;
  if (day === undefined) throw new RangeError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

export function formatLocalDate(day: DayNumber): LocalDate {
  const [year, month, dayOfMonth] = civilFromDays(day);
  return `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`;
}

/** `HH:mm:ss.SSS` of a time of day given in ms since midnight. */
function formatTimeOfDay(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.${pad(ms % 1000, 3)}`;
}

/** ISO 8601 in UTC, as `Date#toISOString`: `2026-10-10T15:59:59.999Z`. */
export function formatInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  return `${formatLocalDate(day)}T${formatTimeOfDay(ms - day * DAY_MS)}Z`;
}

/** Epoch milliseconds of an instant; rejects invalid dates and ISO strings without a zone. */
export function toEpochMs(instant: Instant): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return ms;
  }
  const match = typeof instant === 'string' ? ISO_INSTANT.exec(instant) : null;
  // The pattern leaves day-of-month overflow to this check: Date.parse reads 2026-02-30 as 2 March.
  if (!match || dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === undefined) {
    throw new RangeError(
      `Expected an ISO instant with a zone, such as 2026-09-30T17:00:00+08:00 or 2026-09-30T09:00:00Z, got ${JSON.stringify(instant)}`,
    );
  }
  return Date.parse(instant as string);
}

/** The Shanghai day an instant falls on. */
export function dayOfInstant(ms: number): DayNumber {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant a Shanghai day starts (00:00 Asia/Shanghai). */
export function dayStartMs(day: DayNumber): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekdayOf(day: DayNumber): number {
  return (((day + EPOCH_WEEKDAY) % 7) + 7) % 7;
}

export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: DayNumber): number {
  return civilFromDays(day)[0];
}

/** The Shanghai date of an instant, `YYYY-MM-DD`. */
export function localDate(instant: Instant): LocalDate {
  return formatLocalDate(dayOfInstant(toEpochMs(instant)));
}

/** `2026-10-10 23:59:59.999` on the Shanghai wall clock. */
export function formatLocalDateTime(ms: number): string {
  const day = dayOfInstant(ms);
  return `${formatLocalDate(day)} ${formatTimeOfDay(ms - dayStartMs(day))}`;
}

/** The same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [year, month, dayOfMonth] = civilFromDays(parseLocalDate(date));
  const targetYear = year + years;
  return formatLocalDate(dayOf(targetYear, month, Math.min(dayOfMonth, daysInMonth(targetYear, month))));
}
