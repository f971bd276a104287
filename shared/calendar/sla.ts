/**
 * SLA deadlines and states in working days. The period starts on the day after submission (the
 * submission day never counts, even when it is a working day); the budget of N working days is N × 24
 * working hours, so with no pauses the deadline is the end of the Nth working day, 23:59:59.999
 * Asia/Shanghai, and every paused working hour moves it one working hour later.
 */
import type { CalendarKind, DayCalendar } from './day-calendar';
import {
  DAY_MS,
  type DayNumber,
  dayOfInstant,
  dayStartMs,
  formatInstant,
  formatLocalDate,
  type LocalDate,
} from './local-date';
import { advanceWorkingMs, type Interval, unpausedWorkingMs, workingMs } from './working-time';

/** One working day of working time: its whole 24 hours. */
export const WORKING_DAY_MS = DAY_MS;

/** At risk once less than one working day is left. */
export const DEFAULT_AT_RISK_THRESHOLD_MS = WORKING_DAY_MS;

export type SlaState = 'on-track' | 'at-risk' | 'breached' | 'met' | 'missed';

export interface SlaDeadline {
  /** The last millisecond within the budget, ISO 8601 in UTC (`2026-10-10T15:59:59.999Z`). */
  deadline: string;
  /** The Asia/Shanghai date of `deadline`. */
  deadlineDate: LocalDate;
  /** The first day of the period: the day after submission. */
  startDate: LocalDate;
  calendar: CalendarKind;
}

export interface SlaStatus {
  deadline: string;
  deadlineDate: LocalDate;
  state: SlaState;
  /** Working time the clock stood still during the period, up to now (or to closing). */
  pausedMs: number;
  /** Working time left in the budget; negative once it is overspent. */
  remainingMs: number;
  calendar: CalendarKind;
}

export interface SlaClock {
  submittedMs: number;
  workingDays: number;
  /** Merged pauses, all ended (see `mergeIntervals`). */
  pauses: readonly Interval[];
}

function assertWorkingDays(workingDays: number): void {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`Working days must be a whole number of at least 1, got ${workingDays}`);
  }
}

function calendarKind(calendar: DayCalendar, firstDay: DayNumber, lastDay: DayNumber): CalendarKind {
  return calendar.countProvisional(firstDay, lastDay + 1) > 0 ? 'provisional' : 'official';
}

function deadlineMsOf(calendar: DayCalendar, clock: SlaClock): { startDay: DayNumber; deadlineMs: number } {
  assertWorkingDays(clock.workingDays);
  const startDay = dayOfInstant(clock.submittedMs) + 1;
  const budgetUsedUp = advanceWorkingMs(
    calendar,
    dayStartMs(startDay),
    clock.workingDays * WORKING_DAY_MS,
    clock.pauses,
  );
  return { startDay, deadlineMs: budgetUsedUp - 1 };
}

export function slaDeadline(calendar: DayCalendar, clock: SlaClock): SlaDeadline {
  const { startDay, deadlineMs } = deadlineMsOf(calendar, clock);
  const deadlineDay = dayOfInstant(deadlineMs);
  return {
    deadline: formatInstant(deadlineMs),
    deadlineDate: formatLocalDate(deadlineDay),
    startDate: formatLocalDate(startDay),
    calendar: calendarKind(calendar, startDay, deadlineDay),
  };
}

export interface SlaEvaluation {
  /** When the SLA is read: now, or the closing instant. */
  atMs: number;
  /** Read at closing: the state is then `met` or `missed`. */
  closed: boolean;
  atRiskThresholdMs: number;
}

/**
 * The SLA as of `atMs`. Pauses must already be cut at `atMs`: a pause still running counts as ending
 * now, so the deadline shown is the one that holds if the clock restarts now.
 */
export function slaStatus(calendar: DayCalendar, clock: SlaClock, evaluation: SlaEvaluation): SlaStatus {
  const { atMs, closed, atRiskThresholdMs } = evaluation;
  if (!Number.isFinite(atRiskThresholdMs) || atRiskThresholdMs < 0) {
    throw new RangeError(`The at-risk threshold must be a finite number of ms ≥ 0, got ${atRiskThresholdMs}`);
  }
  const { startDay, deadlineMs } = deadlineMsOf(calendar, clock);
  const periodStartMs = dayStartMs(startDay);
  const consumedMs = unpausedWorkingMs(calendar, periodStartMs, atMs, clock.pauses);
  const remainingMs = clock.workingDays * WORKING_DAY_MS - consumedMs;
  let state: SlaState;
  if (closed) state = atMs <= deadlineMs ? 'met' : 'missed';
  else if (atMs > deadlineMs) state = 'breached';
  else state = remainingMs < atRiskThresholdMs ? 'at-risk' : 'on-track';
  const deadlineDay = dayOfInstant(deadlineMs);
  return {
    deadline: formatInstant(deadlineMs),
    deadlineDate: formatLocalDate(deadlineDay),
    state,
    pausedMs: workingMs(calendar, periodStartMs, atMs) - consumedMs,
    remainingMs,
    calendar: calendarKind(calendar, startDay, Math.max(deadlineDay, dayOfInstant(atMs))),
  };
}
