import { workingTimeBetween } from '../calendar';
import { DEPARTMENT_OF, type Department, ITEMS, type Item } from '../case/items';
import type { CaseRecord } from '../case/model';
import { STATUTORY_LIMITS } from '../sla/config';

const DAY_MS = 86_400_000;

/**
 * What the reform's KPIs need of one closed case: a few hundred bytes written when it closes, so the
 * ops report reads the cases closed in a recent window instead of every case ever closed.
 */
export interface ClosedCase {
  id: string;
  status: 'completed' | 'rejected';
  submittedAt: string;
  closedAt: string;
  sla: 'met' | 'missed';
  online: boolean;
  trips: number;
  /** Submission to close in working days, paused time excluded. */
  workingDays: number;
  limitWorkingDays: number;
  /** Completed cases only: each item's working time ÷ its statutory limit, and whether rules approved it. */
  items: { item: Item; department: Department; ratio: number; instant: boolean }[];
}

export function closedCase(record: CaseRecord): ClosedCase {
  const { closedAt, status } = record;
  const sla = record.sla.state;
  if (!closedAt || (status !== 'completed' && status !== 'rejected') || (sla !== 'met' && sla !== 'missed'))
    throw new Error(`Case ${record.id} is not closed`);
  const pauses = record.sla.pauses;
  return {
    id: record.id,
    status,
    submittedAt: record.submittedAt,
    closedAt,
    sla,
    online: record.form.channel !== 'service-counter',
    trips: record.trips,
    workingDays: workingTimeBetween(record.submittedAt, closedAt, pauses) / DAY_MS,
    limitWorkingDays: record.sla.workingDays,
    items:
      status === 'completed'
        ? ITEMS.map((item) => {
            const state = record.items[item];
            const workingMs = workingTimeBetween(
              state.startedAt ?? record.submittedAt,
              state.decidedAt ?? closedAt,
              pauses,
            );
            return {
              item,
              department: DEPARTMENT_OF[item],
              ratio: workingMs / (STATUTORY_LIMITS[item].workingDays * DAY_MS),
              instant: state.instant === true,
            };
          })
        : [],
  };
}
