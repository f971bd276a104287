import { ENVIRONMENT } from '../config';
import { CASE_LISTING_ATTRIBUTES, TASK_LISTING_ATTRIBUTES } from './listings';

/**
 * The single table's shape, defined once: CDK creates it in AWS, the local runtime creates it in
 * dynalite, and the repositories build every key through the functions below.
 */
export function tableName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env[ENVIRONMENT.tableName];
  if (!name) throw new Error(`${ENVIRONMENT.tableName} is not set`);
  return name;
}

export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /**
   * The non-key attributes the index copies (an INCLUDE projection): what its queries show and nothing
   * else. INCLUDE rather than KEYS_ONLY, since every query here lists a page of rows and KEYS_ONLY would
   * add a GetItem per row.
   */
  projected: readonly string[];
}

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Every access pattern is a query on one of these; nothing on a request path scans. */
export const TABLE_INDEXES = {
  /** A founder's cases, newest first. */
  byOwner: {
    name: 'byOwner',
    partitionKey: 'ownerPk',
    sortKey: 'submittedSk',
    projected: CASE_LISTING_ATTRIBUTES,
  },
  /** The cases a help-desk agent filed, newest first. */
  byAgent: {
    name: 'byAgent',
    partitionKey: 'agentPk',
    sortKey: 'submittedSk',
    projected: CASE_LISTING_ATTRIBUTES,
  },
  /** A department's tasks of one status, soonest SLA deadline first. */
  byDepartment: {
    name: 'byDepartment',
    partitionKey: 'departmentPk',
    sortKey: 'deadlineSk',
    projected: TASK_LISTING_ATTRIBUTES,
  },
  /** Cases in one SLA state (on-track, at-risk, breached, met, missed; failed), soonest deadline first. */
  bySla: { name: 'bySla', partitionKey: 'slaPk', sortKey: 'deadlineSk', projected: CASE_LISTING_ATTRIBUTES },
  /** Cases with events not yet on the bus (sparse), oldest first: the publisher's sweep. */
  byOutbox: { name: 'byOutbox', partitionKey: 'outboxPk', sortKey: 'outboxSk', projected: ['id'] },
} as const satisfies Record<string, IndexDefinition>;

/** A case's partition: the case item, and the views of its files. */
const CASE_PARTITION = 'APP#';

/** The case id of a case item's partition key, as a stream record names it. */
export const caseIdOfKey = (pk: string | undefined): string | undefined =>
  pk?.startsWith(CASE_PARTITION) ? pk.slice(CASE_PARTITION.length) : undefined;

export const keys = {
  case: (id: string) => ({ pk: `${CASE_PARTITION}${id}`, sk: 'CASE' }),
  task: (id: string) => ({ pk: `TASK#${id}`, sk: 'TASK' }),
  owner: (sub: string) => `OWNER#${sub}`,
  agent: (sub: string) => `AGENT#${sub}`,
  department: (department: string, status: string) => `DEPT#${department}#${status}`,
  sla: (state: string) => `SLA#${state}`,
  /** The one partition of the sparse outbox index: the cases whose events wait for the bus. */
  outbox: () => 'OUTBOX',
  /** Closed cases' KPI facts, one partition per month (Asia/Shanghai) of closing, in closing order. */
  closedMonth: (month: string) => `CLOSED#${month}`,
  /** A caller's submission counters (shared/data/submission-limits.ts): the open cases, one item per day. */
  founderLimits: (sub: string) => `LIMIT#FOUNDER#${sub}`,
  agentLimits: (sub: string) => `LIMIT#AGENT#${sub}`,
  /** An upload slot and what its checks found (shared/uploads/model.ts). */
  upload: (id: string) => ({ pk: `UPLOAD#${id}`, sk: 'UPLOAD' }),
  /** Who viewed or downloaded which file of a case, one item per view, in time order. */
  fileView: (caseId: string, at: string, id: string) => ({
    pk: `${CASE_PARTITION}${caseId}`,
    sk: `VIEW#${at}#${id}`,
  }),
  /** What anyone may check of a registered company, by its USCC (GET /api/verify/{uscc}). */
  verification: (uscc: string) => ({ pk: `USCC#${uscc}`, sk: 'COMPANY' }),
  /** Sorts by time, then id, so equal instants still give a stable order. */
  timeSorted: (instant: string, id: string) => `${instant}#${id}`,
};
