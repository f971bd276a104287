import type { Item } from '../case/items';
import type { CaseRecord, CaseSla, CaseStatus, DepartmentTask, ItemStatus } from '../case/model';

/**
 * What the indexes copy: the few top-level attributes a list shows. An index holds these and its keys,
 * never the form, ID numbers, mobiles or task tokens, so a list reads one query and no item.
 */
export interface CaseListing {
  id: string;
  status: CaseStatus;
  submittedAt: string;
  closedAt?: string;
  companyName: string;
  itemStatuses: Record<Item, ItemStatus>;
  /** What the live SLA is computed from (the timer's token stays in `sla`, which no index copies). */
  slaClock: Pick<CaseSla, 'workingDays' | 'pauses'>;
  /** The failure's name and time only: its cause may quote a payload. */
  failureSummary?: { error: string; at: string };
}

export const CASE_LISTING_ATTRIBUTES = [
  'id',
  'status',
  'submittedAt',
  'closedAt',
  'companyName',
  'itemStatuses',
  'slaClock',
  'failureSummary',
] as const satisfies readonly (keyof CaseListing)[];

/** Written on the case item with every write, so the case indexes always hold the current summary. */
export function caseListing(record: CaseRecord): CaseListing {
  return {
    id: record.id,
    status: record.status,
    submittedAt: record.submittedAt,
    closedAt: record.closedAt,
    companyName: record.form.company.name.full,
    itemStatuses: Object.fromEntries(
      Object.entries(record.items).map(([item, state]) => [item, state.status]),
    ) as Record<Item, ItemStatus>,
    slaClock: { workingDays: record.sla.workingDays, pauses: record.sla.pauses },
    failureSummary: record.failure ? { error: record.failure.error, at: record.failure.at } : undefined,
  };
}

/** A task as an inbox lists it: the task item is flat already, so its index copies these and not the token. */
export const TASK_LISTING_ATTRIBUTES = [
  'id',
  'applicationId',
  'item',
  'department',
  'round',
  'status',
  'slaDeadline',
  'createdAt',
  'companyName',
  'outcome',
  'decidedAt',
] as const satisfies readonly (keyof DepartmentTask)[];

export type TaskListing = Pick<DepartmentTask, (typeof TASK_LISTING_ATTRIBUTES)[number]>;

/** Keeps only the listed attributes of an index item: the keys stay inside the repository. */
export function pick<const A extends string>(item: Record<string, unknown>, attributes: readonly A[]) {
  return Object.fromEntries(
    attributes
      .filter((attribute) => item[attribute] !== undefined)
      .map((attribute) => [attribute, item[attribute]]),
  ) as Record<A, unknown>;
}
