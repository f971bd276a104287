/**
 * The official arrangements (国务院办公厅 yearly notices on public holidays): chinese-days' data for the
 * years it covers, plus `official-years.json`, which the project keeps for the years after it. Adding a
 * year is adding its notice to that file; no code changes.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import * as z from 'zod';
import {
  type DayNumber,
  dayOf,
  formatLocalDate,
  isLocalDate,
  isWeekend,
  type LocalDate,
  parseLocalDate,
} from './local-date';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './supported-years';

export type OfficialDayKind = 'holiday' | 'make-up-workday';

export interface OfficialDay {
  kind: OfficialDayKind;
  /** The festival, as the notice names it: 春节, 国庆节 … */
  name: string;
}

export interface OfficialYear {
  year: number;
  source: string;
  days: ReadonlyMap<DayNumber, OfficialDay>;
}

export interface OfficialArrangement {
  /** Years fully covered by an official arrangement; every other year is provisional. */
  years: ReadonlySet<number>;
  /** Holidays and make-up workdays named by the arrangements, bridge days included. */
  days: ReadonlyMap<DayNumber, OfficialDay>;
}

/** A notice can start a holiday in the previous December (the 2019 notice: 元旦 from 2018-12-30). */
const EARLIEST_MONTH_OF_PREVIOUS_YEAR = 12;
const LONGEST_HOLIDAY_DAYS = 15;

const localDateSchema = z.string().refine(isLocalDate, 'Expected an existing date as YYYY-MM-DD');

const holidaySchema = z.strictObject({
  name: z.string().min(1),
  from: localDateSchema,
  /** Last day, inclusive; omitted for a one-day holiday. */
  to: localDateSchema.optional(),
});

const makeUpWorkdaySchema = z.strictObject({
  name: z.string().min(1),
  date: localDateSchema,
});

const yearSchema = z
  .strictObject({
    year: z.int().min(FIRST_SUPPORTED_YEAR).max(LAST_SUPPORTED_YEAR),
    /** The notice: title, document number and address. */
    source: z.string().min(1),
    holidays: z.array(holidaySchema).min(1),
    makeUpWorkdays: z.array(makeUpWorkdaySchema),
  })
  .superRefine((entry, ctx) => {
    const earliest = dayOf(entry.year - 1, EARLIEST_MONTH_OF_PREVIOUS_YEAR, 1);
    const latest = dayOf(entry.year, 12, 31);
    const seen = new Set<DayNumber>();
    const check = (date: LocalDate, path: PropertyKey[]) => {
      if (!isLocalDate(date)) return;
      const day = parseLocalDate(date);
      if (day < earliest || day > latest) {
        ctx.addIssue({ code: 'custom', path, message: `${date} is outside the ${entry.year} arrangement` });
      }
      if (seen.has(day)) ctx.addIssue({ code: 'custom', path, message: `${date} is listed twice` });
      seen.add(day);
    };
    entry.holidays.forEach((holiday, index) => {
      const to = holiday.to ?? holiday.from;
      if (!isLocalDate(holiday.from) || !isLocalDate(to)) return;
      const first = parseLocalDate(holiday.from);
      const last = parseLocalDate(to);
      if (last < first || last - first >= LONGEST_HOLIDAY_DAYS) {
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', index],
          message: `A holiday runs forwards and lasts at most ${LONGEST_HOLIDAY_DAYS} days`,
        });
        return;
      }
      for (let day = first; day <= last; day++) check(formatLocalDate(day), ['holidays', index]);
    });
    entry.makeUpWorkdays.forEach((workday, index) => {
      check(workday.date, ['makeUpWorkdays', index, 'date']);
      if (isLocalDate(workday.date) && !isWeekend(parseLocalDate(workday.date))) {
        ctx.addIssue({
          code: 'custom',
          path: ['makeUpWorkdays', index, 'date'],
          message: `${workday.date} is not a Saturday or Sunday, so it cannot be a make-up workday`,
        });
      }
    });
  });

/** The shape of `official-years.json`. */
export const officialYearsFileSchema = z
  .strictObject({ years: z.array(yearSchema) })
  .superRefine((file, ctx) => {
    const years = file.years.map((entry) => entry.year);
    years.forEach((year, index) => {
      if (years.indexOf(year) !== index) {
        ctx.addIssue({ code: 'custom', path: ['years', index, 'year'], message: `${year} is listed twice` });
      }
    });
  });

export type OfficialYearsFile = z.input<typeof officialYearsFileSchema>;

/** Validates data in the `official-years.json` format; throws an error listing every problem. */
export function loadOfficialYears(data: unknown): OfficialYear[] {
  const parsed = officialYearsFileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`Invalid official-years data:\n${z.prettifyError(parsed.error)}`);
  return parsed.data.years.map((entry) => {
    const days = new Map<DayNumber, OfficialDay>();
    for (const holiday of entry.holidays) {
      const last = parseLocalDate(holiday.to ?? holiday.from);
      for (let day = parseLocalDate(holiday.from); day <= last; day++) {
        days.set(day, { kind: 'holiday', name: holiday.name });
      }
    }
    for (const workday of entry.makeUpWorkdays) {
      days.set(parseLocalDate(workday.date), { kind: 'make-up-workday', name: workday.name });
    }
    return { year: entry.year, source: entry.source, days };
  });
}

/**
 * chinese-days names a day `English,中文,statutory days`, e.g. `Spring Festival,春节,4`. Its dates are
 * checked by `parseLocalDate` while grouping, which costs a fraction of a per-key zod refinement.
 */
const chineseDaysSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

function chineseName(label: string): string {
  const [, chinese] = label.split(',');
  if (!chinese) throw new Error(`Unexpected chinese-days day label: ${label}`);
  return chinese;
}

/**
 * chinese-days' published JSON, grouped by year; the years it holds are the years it covers. Its
 * functions are never asked: for a year it does not cover they silently call every weekday a workday,
 * and west of UTC they shift every date by one (see traditional-dates.ts).
 */
export function chineseDaysYears(): OfficialYear[] {
  const data = chineseDaysSchema.parse(chineseDaysData);
  const byYear = new Map<number, Map<DayNumber, OfficialDay>>();
  const add = (date: LocalDate, kind: OfficialDayKind, label: string) => {
    const year = Number(date.slice(0, 4));
    const days = byYear.get(year) ?? new Map<DayNumber, OfficialDay>();
    days.set(parseLocalDate(date), { kind, name: chineseName(label) });
    byYear.set(year, days);
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'holiday', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'make-up-workday', label);
  return [...byYear.entries()].map(([year, days]) => ({
    year,
    source: 'chinese-days (State Council notices)',
    days,
  }));
}

/**
 * Combines sources, later ones winning year by year: the project's file overrides chinese-days for any
 * year it lists, so upgrading chinese-days never changes a year the project has transcribed.
 */
export function mergeOfficialYears(...sources: OfficialYear[][]): OfficialArrangement {
  const byYear = new Map<number, OfficialYear>();
  for (const source of sources) for (const entry of source) byYear.set(entry.year, entry);
  const days = new Map<DayNumber, OfficialDay>();
  for (const entry of [...byYear.values()].sort((a, b) => a.year - b.year)) {
    for (const [day, info] of entry.days) days.set(day, info);
  }
  return { years: new Set(byYear.keys()), days };
}
