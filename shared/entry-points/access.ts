import { keys, type TABLE_INDEXES } from '../data/table';
import type { BucketName } from '../storage/buckets';

export type IndexName = keyof typeof TABLE_INDEXES;

/**
 * What one function may call in AWS besides writing its own logs and trace segments, declared once in
 * its entry point's declaration (shared/entry-points/routes.ts, workflow-functions.ts,
 * scheduled-jobs.ts). CDK grants exactly this (infra/grant-access.ts); test/infra/iam.test.ts checks the
 * policies it synthesizes, and the unit tests fail on any command a handler sends that `allows` refuses
 * (test/unit/support/aws-calls.ts).
 */
export interface Access {
  table?: {
    /** On the table's items: every state change is one conditional put, no updates, deletes or batches. */
    items?: readonly ('dynamodb:GetItem' | 'dynamodb:PutItem')[];
    /**
     * UpdateItem, only in partitions whose key matches one of these (dynamodb:LeadingKeys): the
     * submission counters, each changed by one conditional ADD or DELETE on a set.
     */
    counters?: readonly string[];
    /** Query on these indexes. */
    indexes?: readonly IndexName[];
    /** Query on the table itself, only in partitions whose key matches one of these (dynamodb:LeadingKeys). */
    partitions?: readonly string[];
  };
  stateMachine?: readonly ('states:StartExecution' | 'states:SendTaskSuccess')[];
  /** On this platform's own alarms (shared/ops/alarms.ts names them all with one prefix). */
  alarms?: readonly 'cloudwatch:DescribeAlarms'[];
  /**
   * On objects of the platform's buckets (shared/storage/buckets.ts). A presigned URL acts with its
   * signer's permissions, so a function that hands one out holds what the URL does.
   */
  storage?: readonly ObjectAccess[];
  /** On the case event bus (shared/events/): the case outbox's publisher. */
  events?: readonly 'events:PutEvents'[];
}

export type ObjectAction = 's3:GetObject' | 's3:PutObject' | 's3:DeleteObject';

/** These actions on the objects of one bucket whose keys match `keys` (an IAM pattern: `incoming/*`). */
export interface ObjectAccess {
  bucket: BucketName;
  actions: readonly ObjectAction[];
  keys: string;
}

export const READS_ITEMS = { items: ['dynamodb:GetItem'] } as const satisfies Access['table'];
export const WRITES_ITEMS = {
  items: ['dynamodb:GetItem', 'dynamodb:PutItem'],
} as const satisfies Access['table'];
/** The case outbox's publisher: reads a case, puts its events on the bus, writes it back marked. */
export const PUBLISHES_CASE_EVENTS = {
  table: WRITES_ITEMS,
  events: ['events:PutEvents'],
} as const satisfies Access;
/** The founders' submission counters: the open cases and the day's (shared/data/submission-limits.ts). */
export const FOUNDER_COUNTERS = [keys.founderLimits('*')] as const;
/** Every filer's counters: a founder's, and an agent's day. */
export const SUBMISSION_COUNTERS = [keys.founderLimits('*'), keys.agentLimits('*')] as const;
/**
 * Filing materials: a clean upload is copied from where it arrived to under its case, which the
 * lifecycle of `incoming/` never touches (shared/storage/buckets.ts).
 */
export const FILES_MATERIALS = [
  { bucket: 'uploads', actions: ['s3:GetObject'], keys: 'incoming/*' },
  { bucket: 'uploads', actions: ['s3:PutObject'], keys: 'cases/*' },
] as const satisfies readonly ObjectAccess[];
/** The ops report reads the closed cases' KPI facts, one partition per month (shared/data/closed-cases.ts). */
export const CLOSED_CASE_PARTITIONS = [keys.closedMonth('*')] as const;

/**
 * What a permission applies to; infra turns each into an ARN, the access test into a match. Cases
 * start through the live alias (`liveAlias`); task tokens go back to the machine (`stateMachine`).
 */
export type Target =
  | 'table'
  | `index/${IndexName}`
  | 'stateMachine'
  | 'liveAlias'
  | 'alarms'
  | 'caseEventBus'
  | `objects/${BucketName}`;

/** One IAM statement's worth: these actions on these targets, under the partition condition if any. */
export interface Permission {
  actions: readonly string[];
  targets: readonly Target[];
  /** `ForAllValues:StringLike` on `dynamodb:LeadingKeys`. */
  leadingKeys?: readonly string[];
  /** On an `objects/…` target: the keys, as an IAM resource pattern. */
  objectKeys?: string;
}

/** The permissions an access declaration grants, in the order the policy lists them. */
export function permissionsOf(access: Access): Permission[] {
  const permissions: Permission[] = [];
  const { table, stateMachine, alarms, storage, events } = access;
  if (table?.items?.length) permissions.push({ actions: table.items, targets: ['table'] });
  if (table?.partitions?.length) {
    permissions.push({ actions: ['dynamodb:Query'], targets: ['table'], leadingKeys: table.partitions });
  }
  if (table?.counters?.length) {
    permissions.push({ actions: ['dynamodb:UpdateItem'], targets: ['table'], leadingKeys: table.counters });
  }
  if (table?.indexes?.length) {
    const targets = table.indexes.map((index) => `index/${index}` as const);
    permissions.push({ actions: ['dynamodb:Query'], targets });
  }
  const starts = stateMachine?.filter((action) => action === 'states:StartExecution') ?? [];
  const resumes = stateMachine?.filter((action) => action !== 'states:StartExecution') ?? [];
  if (starts.length) permissions.push({ actions: starts, targets: ['liveAlias'] });
  if (resumes.length) permissions.push({ actions: resumes, targets: ['stateMachine'] });
  if (alarms?.length) permissions.push({ actions: alarms, targets: ['alarms'] });
  if (events?.length) permissions.push({ actions: events, targets: ['caseEventBus'] });
  for (const { bucket, actions, keys } of storage ?? []) {
    permissions.push({ actions, targets: [`objects/${bucket}`], objectKeys: keys });
  }
  return permissions;
}

/** One AWS call as IAM sees it: the action, what it targets, and the partition key it touches. */
export interface Call {
  action: string;
  target: Target;
  partitionKey?: string;
  /** The object key, on an `objects/…` target. */
  objectKey?: string;
}

/** Whether `access` allows `call`; StringLike's `*` matches any run of characters. */
export function allows(access: Access, call: Call): boolean {
  return permissionsOf(access).some(
    (permission) =>
      permission.actions.includes(call.action) &&
      permission.targets.includes(call.target) &&
      (!permission.leadingKeys ||
        (call.partitionKey !== undefined &&
          permission.leadingKeys.some((pattern) => stringLike(pattern, call.partitionKey as string)))) &&
      (!permission.objectKeys ||
        (call.objectKey !== undefined && stringLike(permission.objectKeys, call.objectKey))),
  );
}

function stringLike(pattern: string, value: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`).test(value);
}
