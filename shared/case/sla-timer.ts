import type { CaseRecord } from './model';
import { currentDeadline, isPaused, nextSlaPoint } from './sla';

/**
 * When the SLA timer looks at a case again, and the deadline a case's open tasks carry until then.
 */

/** The longest a Step Functions task may wait: once the SLA is breached there is nothing left to time. */
export const LONGEST_WAIT_SECONDS = 31_536_000;

/**
 * While a correction pauses the clock the timer still looks now and then: to resume an answer whose
 * resume was lost (a crash between storing it and resuming the workflow), and to move the case's open
 * tasks' deadlines with the clock. Every look costs state transitions and a pause can last days, so
 * it looks again after half the time paused so far: soon after the pause begins, rarely once it has
 * lasted, within these bounds.
 */
export const PAUSED_RECHECK = { minSeconds: 600, maxSeconds: 14_400 } as const;

export function pausedRecheckSeconds(record: CaseRecord, at: Date): number {
  const running = record.sla.pauses.find((pause) => pause.to === undefined);
  const pausedSeconds = running ? (at.getTime() - Date.parse(running.from)) / 1000 : 0;
  return Math.round(
    Math.min(Math.max(pausedSeconds / 2, PAUSED_RECHECK.minSeconds), PAUSED_RECHECK.maxSeconds),
  );
}

/** While the clock runs there is nothing to record before the next SLA point is due. */
export function secondsUntilNextLook(record: CaseRecord, at: Date): number {
  if (isPaused(record)) return pausedRecheckSeconds(record, at);
  const next = nextSlaPoint(record);
  return next === undefined
    ? LONGEST_WAIT_SECONDS
    : Math.min(Math.max(Math.ceil((next - at.getTime()) / 1000), 1), LONGEST_WAIT_SECONDS);
}

/**
 * The deadline an open task carries: the case's and, while a correction pauses the clock, the one a
 * pause ending at the SLA timer's next look would give. That is never earlier than what the founder's
 * answer can still make it, so no task shows overdue while its case is on time.
 */
export function taskDeadline(record: CaseRecord, at: Date): string {
  if (!isPaused(record)) return currentDeadline(record, at);
  return currentDeadline(record, new Date(at.getTime() + pausedRecheckSeconds(record, at) * 1000));
}
