/**
 * The calendar's public face: instants as `Date` or ISO strings, dates as `YYYY-MM-DD`, all bound to one
 * set of official data. `createWorkingCalendar` takes data in the `official-years.json` format, so a
 * year can be added (or tried in a test) with data alone.
 */
import { createDayCalendar, type DayInfo } from './day-calendar';
import { type Instant, type LocalDate, parseLocalDate, toEpochMs } from './local-date';
import { chineseDaysYears, loadOfficialYears, mergeOfficialYears } from './official-data';
import {
  DEFAULT_AT_RISK_THRESHOLD_MS,
  type SlaDeadline,
  type SlaStatus,
  slaDeadline as slaDeadlineOf,
  slaStatus as slaStatusOf,
} from './sla';
import { advanceWorkingMs, type Interval, mergeIntervals, unpausedWorkingMs } from './working-time';

/** A stretch during which the SLA clock stands still; `to` absent or null while it is still running. */
export interface Pause {
  from: Instant;
  to?: Instant | null;
}

/** A pause that has ended. */
export interface ClosedPause {
  from: Instant;
  to: Instant;
}

export interface SlaStatusInput {
  submittedAt: Instant;
  now: Instant;
  /** When the case (or item) was closed; the state is then `met` or `missed`. */
  closedAt?: Instant | null;
  workingDays: number;
  pauses?: readonly Pause[];
  /** At risk when less working time than this is left; default one working day. */
  atRiskThresholdMs?: number;
}

export interface WorkingCalendar {
  dayInfo(date: LocalDate): DayInfo;
  isWorkingDay(date: LocalDate): boolean;
  /** Every day from `first` to `last`, both included. */
  dayRange(first: LocalDate, last: LocalDate): DayInfo[];
  /** Working time in [from, to) outside the pauses; 0 when `to` is not after `from`. */
  workingTimeBetween(from: Instant, to: Instant, pauses?: readonly Pause[]): number;
  /** The earliest instant at which `ms` of working time outside the pauses has passed since `from`. */
  addWorkingTime(from: Instant, ms: number, pauses?: readonly ClosedPause[]): Date;
  slaDeadline(submittedAt: Instant, workingDays: number, pauses?: readonly ClosedPause[]): SlaDeadline;
  slaStatus(input: SlaStatusInput): SlaStatus;
}

function openPause(pause: Pause): Interval {
  return {
    start: toEpochMs(pause.from),
    end: pause.to == null ? Number.POSITIVE_INFINITY : toEpochMs(pause.to),
  };
}

function closedPause(pause: ClosedPause): Interval {
  if (pause.to == null) {
    throw new TypeError('A pause still running has no end to count from: give it one, or use slaStatus');
  }
  return { start: toEpochMs(pause.from), end: toEpochMs(pause.to) };
}

/** Pauses as they stand at `atMs`: running ones end there, later ones have not happened yet. */
function pausesAsOf(pauses: readonly Pause[], atMs: number): Interval[] {
  return mergeIntervals(
    pauses.map(openPause).map((pause) => ({ start: pause.start, end: Math.min(pause.end, atMs) })),
  );
}

export function createWorkingCalendar(projectOfficialYears: unknown = { years: [] }): WorkingCalendar {
  const calendar = createDayCalendar(
    mergeOfficialYears(chineseDaysYears(), loadOfficialYears(projectOfficialYears)),
  );

  return {
    dayInfo: (date) => calendar.info(parseLocalDate(date)),
    isWorkingDay: (date) => calendar.isWorking(parseLocalDate(date)),
    dayRange: (first, last) => {
      const days: DayInfo[] = [];
      const lastDay = parseLocalDate(last);
      for (let day = parseLocalDate(first); day <= lastDay; day++) days.push(calendar.info(day));
      return days;
    },
    workingTimeBetween: (from, to, pauses = []) =>
      unpausedWorkingMs(calendar, toEpochMs(from), toEpochMs(to), mergeIntervals(pauses.map(openPause))),
    addWorkingTime: (from, ms, pauses = []) => {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`Working time must be finite and ≥ 0, got ${ms}`);
      }
      return new Date(
        advanceWorkingMs(calendar, toEpochMs(from), ms, mergeIntervals(pauses.map(closedPause))),
      );
    },
    slaDeadline: (submittedAt, workingDays, pauses = []) =>
      slaDeadlineOf(calendar, {
        submittedMs: toEpochMs(submittedAt),
        workingDays,
        pauses: mergeIntervals(pauses.map(closedPause)),
      }),
    slaStatus: (input) => {
      const closed = input.closedAt != null;
      const atMs = toEpochMs(input.closedAt ?? input.now);
      return slaStatusOf(
        calendar,
        {
          submittedMs: toEpochMs(input.submittedAt),
          workingDays: input.workingDays,
          pauses: pausesAsOf(input.pauses ?? [], atMs),
        },
        { atMs, closed, atRiskThresholdMs: input.atRiskThresholdMs ?? DEFAULT_AT_RISK_THRESHOLD_MS },
      );
    },
  };
}
