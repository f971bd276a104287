import {
  addWorkingTime,
  type ClosedPause,
  type SlaStatus,
  slaDeadline,
  slaStatus,
  WORKING_DAY_MS,
} from '../calendar';
import { AT_RISK_THRESHOLD_MS } from '../sla/config';
import type { CaseRecord, CaseSla } from './model';

/** What the live SLA is computed from: a whole case, or a case as a list shows it. */
export type SlaClock = Pick<CaseRecord, 'submittedAt' | 'closedAt'> & {
  sla: Pick<CaseSla, 'workingDays' | 'pauses'>;
};

/**
 * The case's 3-working-day SLA on the Chinese working-day calendar: the deadline moves by the working
 * time a correction request paused the clock, and at-risk starts when less than one working day is left.
 */
export function initialDeadline(submittedAt: string, workingDays: number): string {
  return slaDeadline(submittedAt, workingDays).deadline;
}

export function liveSla(record: SlaClock, now: Date): SlaStatus {
  return slaStatus({
    submittedAt: record.submittedAt,
    now,
    closedAt: record.closedAt,
    workingDays: record.sla.workingDays,
    pauses: record.sla.pauses,
    atRiskThresholdMs: AT_RISK_THRESHOLD_MS,
  });
}

export function closedSlaState(record: CaseRecord, closedAt: string): 'met' | 'missed' {
  return liveSla({ ...record, closedAt }, new Date(closedAt)).state as 'met' | 'missed';
}

export function isPaused(record: CaseRecord): boolean {
  return record.sla.pauses.some((pause) => pause.to === undefined);
}

/** The deadline with every pause so far counted (a running pause as ending now). */
export function currentDeadline(record: CaseRecord, now: Date): string {
  return liveSla(record, now).deadline;
}

/**
 * When the SLA timer must look again: the at-risk point, then the deadline; nothing while the clock
 * is paused (a resumption wakes the timer) or once the case is closed or already breached.
 */
export function nextSlaPoint(record: CaseRecord): number | undefined {
  if (record.closedAt || isPaused(record) || record.sla.breachedAt) return undefined;
  const pauses = record.sla.pauses as ClosedPause[];
  const { deadline, startDate } = slaDeadline(record.submittedAt, record.sla.workingDays, pauses);
  if (!record.sla.atRiskAt) {
    const budget = record.sla.workingDays * WORKING_DAY_MS;
    return addWorkingTime(`${startDate}T00:00:00+08:00`, budget - AT_RISK_THRESHOLD_MS, pauses).getTime() + 1;
  }
  return Date.parse(deadline) + 1;
}
