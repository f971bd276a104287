import { workingTimeBetween } from '../calendar';
import { type Department, type Item, itemsOf } from '../case/items';
import type { CaseRecord } from '../case/model';
import { DEFAULT_BUNDLE } from '../catalogue/case-plan';
import { type SlaItem, STATUTORY_LIMITS } from '../sla/config';

const DAY_MS = 86_400_000;

/**
 * What the reform's KPIs need of one closed case: a few hundred bytes written when it closes, so the
 * ops report reads the cases closed in a recent window instead of every case ever closed.
 */
export interface ClosedCase {
  id: string;
  /** The bundle it ran; absent on facts kept before bundles, which all opened companies. */
  bundle?: string;
  status: 'completed' | 'rejected';
  submittedAt: string;
  closedAt: string;
  sla: 'met' | 'missed';
  online: boolean;
  trips: number;
  /** Submission to close in working days, paused time excluded. */
  workingDays: number;
  limitWorkingDays: number;
  /**
   * Completed cases only: each item's working time ÷ its statutory limit (absent where the catalogue has
   * no limit in working days), and whether rules approved it.
   */
  items: { item: Item; department: Department; ratio?: number; instant: boolean }[];
}

export function closedCase(record: CaseRecord): ClosedCase {
  const { closedAt, status } = record;
  const sla = record.sla.state;
  if (!closedAt || (status !== 'completed' && status !== 'rejected') || (sla !== 'met' && sla !== 'missed'))
    throw new Error(`Case ${record.id} is not closed`);
  const pauses = record.sla.pauses;
  return {
    id: record.id,
    bundle: record.bundle ?? DEFAULT_BUNDLE,
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
        ? itemsOf(record).map((item) => {
            const state = record.items[item] as CaseRecord['items'][Item] & object;
            const workingMs = workingTimeBetween(
              state.startedAt ?? record.submittedAt,
              state.decidedAt ?? closedAt,
              pauses,
            );
            const limit = limitOf(item, state.limitWorkingDays);
            return {
              item,
              department: state.department,
              ...(limit === undefined ? {} : { ratio: workingMs / (limit * DAY_MS) }),
              instant: state.instant === true,
            };
          })
        : [],
  };
}

/**
 * The limit an item was filed under. Where the catalogue has no number (the seal's is to-confirm) and for
 * cases filed before the catalogue, the three company items are measured against shared/sla/config.ts as
 * they always were (the seal against its 1-day platform default).
 */
function limitOf(item: Item, kept: number | undefined): number | undefined {
  if (kept !== undefined) return kept;
  return item in STATUTORY_LIMITS ? STATUTORY_LIMITS[item as SlaItem].workingDays : undefined;
}
