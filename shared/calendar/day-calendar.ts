/**
 * Which days are working days: the official arrangement where there is one, the provisional statutory
 * calendar elsewhere. Each year is classified once, on first use, into a table with running counts, so
 * a lookup is an array read and counting working days over any span is a subtraction per year.
 */
import {
  type DayNumber,
  dayOf,
  formatLocalDate,
  isWeekend,
  type LocalDate,
  parseLocalDate,
  yearOf,
} from './local-date';
import type { OfficialArrangement, OfficialDayKind } from './official-data';
import { provisionalRestDays } from './provisional-year';
import { assertSupportedYear } from './supported-years';

export type DayKind = 'workday' | 'weekend' | OfficialDayKind;

/** `provisional`: some of the days used come from the statutory rules, not an official arrangement. */
export type CalendarKind = 'official' | 'provisional';

export interface DayInfo {
  date: LocalDate;
  kind: DayKind;
  working: boolean;
  /** The festival of a holiday or make-up workday; a provisional 补假 day reads `劳动节（补假）`. */
  name?: string;
  /** True when the day comes from the statutory rules because its year has no official arrangement. */
  provisional: boolean;
}

export interface DayCalendar {
  info(day: DayNumber): DayInfo;
  isWorking(day: DayNumber): boolean;
  /** Working days in [from, to). */
  countWorking(from: DayNumber, to: DayNumber): number;
  /** Provisional days in [from, to). */
  countProvisional(from: DayNumber, to: DayNumber): number;
}

interface YearTable {
  firstDay: DayNumber;
  length: number;
  infos: DayInfo[];
  working: Uint8Array;
  /** `workingBefore[i]`: working days among the year's first `i` days; length + 1 entries. */
  workingBefore: Int32Array;
  provisionalBefore: Int32Array;
}

function classifyYear(year: number, official: OfficialArrangement): YearTable {
  assertSupportedYear(year);
  const firstDay = dayOf(year, 1, 1);
  const length = dayOf(year + 1, 1, 1) - firstDay;
  const provisionalYear = !official.years.has(year);
  const provisionalRest = new Map(
    provisionalYear
      ? provisionalRestDays(year).map((rest) => [
          parseLocalDate(rest.date),
          rest.substitute ? `${rest.name}（补假）` : rest.name,
        ])
      : [],
  );
  const infos: DayInfo[] = [];
  const working = new Uint8Array(length);
  const workingBefore = new Int32Array(length + 1);
  const provisionalBefore = new Int32Array(length + 1);
  for (let index = 0; index < length; index++) {
    const day = firstDay + index;
    const date = formatLocalDate(day);
    const officialDay = official.days.get(day);
    const restName = provisionalRest.get(day);
    let info: DayInfo;
    if (officialDay) {
      const isWorking = officialDay.kind === 'make-up-workday';
      info = { date, kind: officialDay.kind, working: isWorking, name: officialDay.name, provisional: false };
    } else if (restName !== undefined) {
      info = { date, kind: 'holiday', working: false, name: restName, provisional: true };
    } else {
      const weekend = isWeekend(day);
      info = { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, provisional: provisionalYear };
    }
    infos.push(Object.freeze(info));
    working[index] = info.working ? 1 : 0;
    workingBefore[index + 1] = (workingBefore[index] as number) + (info.working ? 1 : 0);
    provisionalBefore[index + 1] = (provisionalBefore[index] as number) + (info.provisional ? 1 : 0);
  }
  return { firstDay, length, infos, working, workingBefore, provisionalBefore };
}

export function createDayCalendar(official: OfficialArrangement): DayCalendar {
  const tables = new Map<number, YearTable>();
  let lastUsed: YearTable | undefined;

  function tableOf(day: DayNumber): YearTable {
    if (lastUsed && day >= lastUsed.firstDay && day < lastUsed.firstDay + lastUsed.length) return lastUsed;
    const year = yearOf(day);
    let table = tables.get(year);
    if (!table) {
      table = classifyYear(year, official);
      tables.set(year, table);
    }
    lastUsed = table;
    return table;
  }

  function countBetween(from: DayNumber, to: DayNumber, counts: (table: YearTable) => Int32Array): number {
    let total = 0;
    let day = from;
    while (day < to) {
      const table = tableOf(day);
      const end = Math.min(to, table.firstDay + table.length);
      const running = counts(table);
      total += (running[end - table.firstDay] as number) - (running[day - table.firstDay] as number);
      day = end;
    }
    return total;
  }

  return {
    info: (day) => {
      const table = tableOf(day);
      return table.infos[day - table.firstDay] as DayInfo;
    },
    isWorking: (day) => {
      const table = tableOf(day);
      return table.working[day - table.firstDay] === 1;
    },
    countWorking: (from, to) => countBetween(from, to, (table) => table.workingBefore),
    countProvisional: (from, to) => countBetween(from, to, (table) => table.provisionalBefore),
  };
}
