import type { SlaState } from '../calendar';
import type { ApplicationForm } from '../form';
import type { Department, Item } from './items';

export const CASE_STATUSES = [
  'submitted',
  'in-review',
  'correction-needed',
  'completed',
  'rejected',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const ITEM_STATUSES = [
  'pending',
  'in-review',
  'awaiting-correction',
  'approved',
  'rejected',
  'cancelled',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ROLES = ['applicant', 'agent', 'officer', 'ops', 'system'] as const;
export type Role = (typeof ROLES)[number];
/** What an officer decides on a department task. */
export const OUTCOMES = ['approved', 'correction-requested', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Actor {
  role: Role;
  sub?: string;
  department?: Department;
}

export interface Reason {
  path: string;
  message: string;
}

export interface RegistrationResult {
  uscc: string;
  licenceNumber: string;
  eLicenceId: string;
  companyName: string;
}

export interface InvoiceResult {
  taxpayerId: string;
  taxpayerType: 'small-scale' | 'general';
  invoiceKinds: string[];
  monthlyQuotaCny: number;
}

export interface SealResult {
  seals: { kind: string; filingNumber: string }[];
  maker: string;
}

/** What any other item issues: the numbers and dates its catalogue `results` schema names. */
export type IssuedFields = Record<string, string>;

export type ItemResult = RegistrationResult | InvoiceResult | SealResult | IssuedFields;

export interface ItemState {
  status: ItemStatus;
  department: Department;
  /** Review rounds: 1, then one more per correction. */
  round: number;
  /** The statutory limit in working days when the case was filed; absent where the catalogue has none. */
  limitWorkingDays?: number;
  instant?: boolean;
  taskId?: string;
  startedAt?: string;
  decidedAt?: string;
  decidedBy?: Actor;
  result?: ItemResult;
  reasons?: Reason[];
  note?: string;
}

export interface CorrectionAnswer {
  form: ApplicationForm;
  note?: string;
  changedFields: string[];
  by: Actor;
  at: string;
}

/**
 * An answer as a request keeps it: with its form until applied. The form then is the case's form, and a
 * copy kept per round would grow the case item towards DynamoDB's 400 KB limit (shared/data/item-limits.ts).
 */
export type KeptAnswer = Omit<CorrectionAnswer, 'form'> & { form?: ApplicationForm };

/** 一次性告知: every problem of one review round, sent to the founder at once. */
export interface CorrectionRequest {
  id: string;
  item: Item;
  round: number;
  status: 'open' | 'answered';
  requestedAt: string;
  requestedBy: Actor;
  reasons: Reason[];
  note?: string;
  /** The founder's answer, stored before the workflow is resumed so no personal data travels in it. */
  answer?: KeptAnswer;
  answeredAt?: string;
  changedFields?: string[];
  /** The workflow's task token for this request: never shown to anyone. */
  token?: string;
}

export interface Delivery {
  method: 'express' | 'pickup';
  trackingNumber?: string;
  carrier?: string;
  appointment?: { serviceCentre: string; date: string; slot: string };
  dispatchedAt: string;
}

export interface JointInspection {
  items: Item[];
  date: string;
  slot: string;
  address: string;
  arrangedAt: string;
}

export interface TimelineEvent {
  at: string;
  type: string;
  actor: Actor;
  item?: Item;
  details?: Record<string, unknown>;
}

export interface CaseSla {
  workingDays: number;
  pauses: { from: string; to?: string }[];
  /** The state as last recorded by the workflow (the API recomputes it live). */
  state: SlaState;
  deadline: string;
  atRiskAt?: string;
  breachedAt?: string;
  /** Bumped whenever the clock pauses, resumes or stops, so the SLA timer knows to recompute. */
  revision: number;
  /** Token of the SLA timer's current wait, so a transition can make it recompute. Never shown. */
  timerToken?: string;
}

export interface CaseRecord {
  id: string;
  version: number;
  status: CaseStatus;
  owner: string;
  filedBy: Actor;
  idempotencyKey: string;
  requestHash: string;
  submittedAt: string;
  closedAt?: string;
  form: ApplicationForm;
  /** The bundle (一件事) and the catalogue version the case was filed with; cases before them opened companies. */
  bundle?: string;
  catalogueVersion?: string;
  /** The items this case runs, keyed by item id. */
  items: Record<Item, ItemState>;
  sla: CaseSla;
  corrections: CorrectionRequest[];
  trips: number;
  /** 联合勘验: the one visit at which every item needing an on-site check is inspected. */
  inspection?: JointInspection;
  delivery?: Delivery;
  failure?: { error: string; cause: string; at: string };
  timeline: TimelineEvent[];
  /** The files its materials name, by upload id: what was filed, where it is kept (shared/uploads/file-materials.ts). */
  files?: Record<string, CaseFile>;
  /** The documents issued on completion (shared/documents/). */
  documents?: IssuedDocument[];
  /** Transitions already applied: each workflow step applies at most once, however often it runs. */
  applied: string[];
  /**
   * How many timeline entries have been handed to the event bus as case events (shared/events/):
   * the ones after it are the case's outbox, written in the same put as the facts they tell.
   */
  eventsPublished?: number;
}

/** A file a case filed: copied under the case when filed, so it outlives the upload slot. */
export interface CaseFile {
  uploadId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Its key in the uploads bucket. */
  key: string;
  filedAt: string;
}

/** A document issued to the case, kept in the documents bucket. */
export interface IssuedDocument {
  id: string;
  kind: string;
  item: string;
  fileName: string;
  mediaType: 'application/pdf';
  sizeBytes: number;
  sha256: string;
  key: string;
  issuedAt: string;
}

export interface DepartmentTask {
  id: string;
  applicationId: string;
  item: Item;
  department: Department;
  round: number;
  status: 'open' | 'closed';
  slaDeadline: string;
  createdAt: string;
  companyName: string;
  /** The workflow's task token: officers act on task ids, never see this. */
  token: string;
  outcome?: Outcome | 'cancelled';
  decidedBy?: Actor;
  decidedAt?: string;
}
