/**
 * The text of `npm run calendar -- <ISO instant> <N>`: the deadline and every day counted to reach it.
 */
import type { DayInfo } from './day-calendar';
import { formatInstant, formatLocalDateTime, parseLocalDate, toEpochMs, weekdayOf } from './local-date';
import type { SlaDeadline } from './sla';
import type { WorkingCalendar } from './working-calendar';

export interface Report {
  /** 0 on success, 2 for bad arguments. */
  exitCode: 0 | 2;
  text: string;
}

const USAGE = [
  'Usage: npm run calendar -- <ISO instant> <working days>',
  '  <ISO instant>   the submission, with its zone: 2026-09-30T17:00:00+08:00 or 2026-09-30T09:00:00Z',
  '  <working days>  a whole number ≥ 1, e.g. 3',
  'Prints the deadline (end of the Nth working day after the submission day, Asia/Shanghai) and the days counted.',
].join('\n');

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MAX_WORKING_DAYS = 1000;

function whatKind(day: DayInfo, workingDayNumber: number | undefined): string {
  if (workingDayNumber !== undefined) {
    const makeUp = day.kind === 'make-up-workday' ? ` (make-up workday, ${day.name})` : '';
    return `working day ${workingDayNumber}${makeUp}`;
  }
  return day.kind === 'holiday' ? `holiday ${day.name}` : 'weekend';
}

function describe(day: DayInfo, workingDayNumber: number | undefined): string {
  const weekday = WEEKDAYS[weekdayOf(parseLocalDate(day.date))];
  const provisional = day.provisional ? '  [provisional]' : '';
  return `  ${day.date} ${weekday}  ${whatKind(day, workingDayNumber)}${provisional}`;
}

function usageError(problem: string): Report {
  return { exitCode: 2, text: `${problem}\n\n${USAGE}` };
}

export function deadlineReport(args: readonly string[], calendar: WorkingCalendar): Report {
  if (args.length !== 2) return usageError(`Expected 2 arguments, got ${args.length}.`);
  const [instant = '', count = ''] = args;
  let submittedMs: number;
  try {
    submittedMs = toEpochMs(instant);
  } catch (error) {
    return usageError((error as Error).message);
  }
  const workingDays = Number(count);
  if (!/^\d+$/.test(count) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
    return usageError(
      `Working days must be a whole number from 1 to ${MAX_WORKING_DAYS}, got ${JSON.stringify(count)}.`,
    );
  }
  let result: SlaDeadline;
  try {
    result = calendar.slaDeadline(instant, workingDays);
  } catch (error) {
    return usageError((error as Error).message);
  }
  let counted = 0;
  const lines = calendar.dayRange(result.startDate, result.deadlineDate).map((day) => {
    if (day.working) counted++;
    return describe(day, day.working ? counted : undefined);
  });
  return {
    exitCode: 0,
    text: [
      `Submitted  ${formatInstant(submittedMs)}  (${formatLocalDateTime(submittedMs)} Asia/Shanghai)`,
      `Counting ${workingDays} working day${workingDays === 1 ? '' : 's'} from ${result.startDate}, the day after submission:`,
      ...lines,
      `Deadline   ${result.deadline}  (${formatLocalDateTime(Date.parse(result.deadline))} Asia/Shanghai)`,
      `Calendar   ${result.calendar}${result.calendar === 'provisional' ? ' — some days come from the statutory rules; the official arrangement is not published yet' : ''}`,
    ].join('\n'),
  };
}
