/**
 * The working-day calendar of mainland China (Asia/Shanghai) and the SLA clock built on it: official
 * holiday arrangements where published, the statutory rules (provisional) elsewhere. See
 * docs/calendar.md.
 */
import projectOfficialYears from './official-years.json' with { type: 'json' };
import { createWorkingCalendar } from './working-calendar';

export type { CalendarKind, DayInfo, DayKind } from './day-calendar';
export { type Instant, type LocalDate, localDate } from './local-date';
export { loadOfficialYears, type OfficialYearsFile } from './official-data';
export {
  DEFAULT_AT_RISK_THRESHOLD_MS,
  type SlaDeadline,
  type SlaState,
  type SlaStatus,
  WORKING_DAY_MS,
} from './sla';
export {
  type ClosedPause,
  createWorkingCalendar,
  type Pause,
  type SlaStatusInput,
  type WorkingCalendar,
} from './working-calendar';

/** The calendar of the official data: chinese-days plus `official-years.json`. */
export const workingCalendar = createWorkingCalendar(projectOfficialYears);

export const { dayInfo, isWorkingDay, dayRange, workingTimeBetween, addWorkingTime, slaDeadline, slaStatus } =
  workingCalendar;
