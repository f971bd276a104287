import type { Department, Item } from '../case/items';
import type { Reason } from '../case/model';

/**
 * The case's domain events, version 1 of their shape (docs/events.md). Each is one fact of the case's
 * timeline, published once it is stored: its id is the case id and the fact's place in the timeline, so a
 * step that runs again, or a publication repeated after a crash, carries the same id and every consumer
 * keeps the first.
 */
export const CASE_EVENT_SCHEMA_VERSION = 1;

/** EventBridge's `source` of every case event: not `aws.*`, which only AWS services may use. */
export const CASE_EVENT_SOURCE = 'company-opening.cases';

/** Each event type with the EventBridge `detail-type` it travels under. */
export const CASE_EVENT_TYPES = {
  'case.submitted': 'Case Submitted',
  'task.opened': 'Task Opened',
  'correction.requested': 'Correction Requested',
  'correction.answered': 'Correction Answered',
  'item.decided': 'Item Decided',
  'case.completed': 'Case Completed',
  'case.rejected': 'Case Rejected',
  'sla.at-risk': 'SLA At Risk',
  'sla.breached': 'SLA Breached',
  'documents.issued': 'Documents Issued',
} as const;

export type CaseEventType = keyof typeof CASE_EVENT_TYPES;
export const CASE_EVENT_TYPE_NAMES = Object.keys(CASE_EVENT_TYPES) as CaseEventType[];

/** What every case event carries: enough to name the case to a person, and no personal data. */
interface Envelope<T extends CaseEventType> {
  schemaVersion: typeof CASE_EVENT_SCHEMA_VERSION;
  /** `<case id>.<place in the timeline>`: the same fact always has the same id. */
  id: string;
  type: T;
  occurredAt: string;
  caseId: string;
  companyName: string;
  bundle: string;
}

/** An item of the case still waiting on its department when the SLA point was reached. */
export interface OpenItem {
  item: Item;
  department: Department;
  taskId?: string;
}

export interface IssuedDocumentSummary {
  id: string;
  kind: string;
  item: string;
  fileName: string;
}

export type CaseEvent =
  | (Envelope<'case.submitted'> & { items: Item[] })
  | (Envelope<'task.opened'> & { item: Item; department: Department; round: number; taskId: string })
  | (Envelope<'correction.requested'> & {
      item: Item;
      department: Department;
      round: number;
      reasons: Reason[];
      note?: string;
    })
  | (Envelope<'correction.answered'> & { items: Item[]; changedFields: string[] })
  | (Envelope<'item.decided'> & {
      item: Item;
      department: Department;
      round: number;
      outcome: 'approved' | 'rejected';
      instant: boolean;
      reasons?: Reason[];
    })
  | (Envelope<'case.completed'> & { slaState: string })
  | (Envelope<'case.rejected'> & { item?: Item })
  | (Envelope<'sla.at-risk'> & { deadline: string; openItems: OpenItem[] })
  | (Envelope<'sla.breached'> & { deadline: string; openItems: OpenItem[] })
  | (Envelope<'documents.issued'> & { documents: IssuedDocumentSummary[] });

export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
