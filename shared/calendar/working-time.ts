/**
 * Working time: every working day contributes its whole 24 hours (00:00–24:00 Asia/Shanghai), other
 * days none; paused intervals (correction requests) contribute none either. Instants are epoch ms.
 */
import type { DayCalendar } from './day-calendar';
import { DAY_MS, dayOfInstant, dayStartMs } from './local-date';

/** A half-open interval [start, end) of epoch ms; `end` is `Infinity` for a pause still running. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, disjoint, non-empty intervals, so an instant paused twice is subtracted once. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Working time in [from, to), both finite; 0 when `to` is not after `from`. */
export function workingMs(calendar: DayCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const firstDay = dayOfInstant(from);
  const lastDay = dayOfInstant(to);
  if (firstDay === lastDay) return calendar.isWorking(firstDay) ? to - from : 0;
  const head = calendar.isWorking(firstDay) ? dayStartMs(firstDay + 1) - from : 0;
  const middle = calendar.countWorking(firstDay + 1, lastDay) * DAY_MS;
  const tail = calendar.isWorking(lastDay) ? to - dayStartMs(lastDay) : 0;
  return head + middle + tail;
}

/** Working time in [from, to) outside the pauses (merged, see {@link mergeIntervals}). */
export function unpausedWorkingMs(
  calendar: DayCalendar,
  from: number,
  to: number,
  pauses: readonly Interval[],
): number {
  let total = workingMs(calendar, from, to);
  for (const pause of pauses) {
    if (pause.start >= to) break;
    total -= workingMs(calendar, Math.max(pause.start, from), Math.min(pause.end, to));
  }
  return total;
}

/** The earliest instant at which `ms` of working time has passed since `from`, ignoring pauses. */
function advance(calendar: DayCalendar, from: number, ms: number): number {
  if (ms === 0) return from;
  let remaining = ms;
  let day = dayOfInstant(from);
  if (calendar.isWorking(day)) {
    const available = dayStartMs(day + 1) - from;
    if (available >= remaining) return from + remaining;
    remaining -= available;
  }
  for (day += 1; ; day++) {
    if (!calendar.isWorking(day)) continue;
    if (remaining <= DAY_MS) return dayStartMs(day) + remaining;
    remaining -= DAY_MS;
  }
}

/**
 * The earliest instant at which `ms` of unpaused working time has passed since `from`. The pauses are
 * merged and must all have ended: while the clock is stopped, no such instant exists.
 */
export function advanceWorkingMs(
  calendar: DayCalendar,
  from: number,
  ms: number,
  pauses: readonly Interval[],
): number {
  let cursor = from;
  let remaining = ms;
  for (const pause of pauses) {
    if (remaining === 0) return cursor;
    if (pause.end <= cursor) continue;
    if (pause.start > cursor) {
      const available = workingMs(calendar, cursor, pause.start);
      if (available >= remaining) return advance(calendar, cursor, remaining);
      remaining -= available;
    }
    cursor = pause.end;
  }
  return advance(calendar, cursor, remaining);
}
