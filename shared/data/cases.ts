import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../case/model';
import { unpublishedEvents } from '../events/timeline-events';
import { documents, queryAll } from './dynamo';
import { isConditionFailure, VersionConflict } from './errors';
import { CASE_LISTING_ATTRIBUTES, type CaseListing, caseListing, pick } from './listings';
import { decodeCursor, encodeCursor, type Page } from './pages';
import { keys, TABLE_INDEXES, tableName } from './table';

const MAX_ATTEMPTS = 8;

function toItem(record: CaseRecord) {
  const sortKey = keys.timeSorted(record.submittedAt, record.id);
  const [firstUnpublished] = unpublishedEvents(record).events;
  return {
    ...keys.case(record.id),
    ownerPk: keys.owner(record.owner),
    agentPk:
      record.filedBy.role === 'agent' && record.filedBy.sub ? keys.agent(record.filedBy.sub) : undefined,
    submittedSk: sortKey,
    // A case the workflow failed on stops moving: ops list it apart instead of counting it as open.
    slaPk: keys.sla(record.failure ? 'failed' : record.sla.state),
    deadlineSk: keys.timeSorted(record.sla.deadline, record.id),
    // The case's outbox, in a sparse index: what the publisher's sweep finds (shared/events/).
    ...(firstUnpublished
      ? { outboxPk: keys.outbox(), outboxSk: keys.timeSorted(firstUnpublished.occurredAt, record.id) }
      : {}),
    ...record,
    ...caseListing(record),
  };
}

function toRecord(item: Record<string, unknown>): CaseRecord {
  const {
    pk,
    sk,
    ownerPk,
    agentPk,
    submittedSk,
    slaPk,
    deadlineSk,
    outboxPk,
    outboxSk,
    companyName,
    itemStatuses,
    slaClock,
    failureSummary,
    ...record
  } = item;
  return record as unknown as CaseRecord;
}

/**
 * A case written before listings existed carries no summary. It can only be read while the indexes still
 * project every attribute (the upgrade's steps 1 and 2, docs/deploy.md), so it is built from the whole item.
 */
const toListing = (item: Record<string, unknown>): CaseListing =>
  'slaClock' in item
    ? (pick(item, CASE_LISTING_ATTRIBUTES) as unknown as CaseListing)
    : caseListing(toRecord(item));

export const cases = {
  async get(id: string): Promise<CaseRecord | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.case(id), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : undefined;
  },

  /** Stores a new case unless one with its id exists; answers the stored one either way. */
  async create(record: CaseRecord): Promise<{ created: boolean; record: CaseRecord }> {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { created: true, record };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await cases.get(record.id);
      if (!existing) throw error;
      return { created: false, record: existing };
    }
  },

  /** One conditional, versioned write: it lands only on the version the change was made from. */
  async save(next: CaseRecord, fromVersion: number): Promise<CaseRecord> {
    const saved = { ...next, version: fromVersion + 1 };
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem(saved),
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': fromVersion },
        }),
      );
      return saved;
    } catch (error) {
      if (isConditionFailure(error))
        throw new VersionConflict(`Case ${next.id} changed since version ${fromVersion}`);
      throw error;
    }
  },

  /**
   * Reads, changes and writes a case, starting over when another writer got there first. A change
   * that returns the record it was given writes nothing.
   */
  async update(id: string, change: (record: CaseRecord) => CaseRecord): Promise<CaseRecord> {
    return (await cases.change(id, change)).record;
  },

  /** As `update`, also telling whether this call wrote: what a step reports happened once. */
  async change(
    id: string,
    change: (record: CaseRecord) => CaseRecord,
  ): Promise<{ record: CaseRecord; changed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const current = await cases.get(id);
      if (!current) throw new Error(`Case ${id} does not exist`);
      const next = change(current);
      if (next === current) return { record: current, changed: false };
      try {
        return {
          record: await cases.save(countingEventsFrom(next, current), current.version),
          changed: true,
        };
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  },

  /** The cases whose events have waited for the bus since before `before`, oldest first. */
  async withEventsWaitingSince(before: string, limit: number): Promise<string[]> {
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: TABLE_INDEXES.byOutbox.name,
        KeyConditionExpression: 'outboxPk = :pk AND outboxSk < :before',
        ExpressionAttributeValues: { ':pk': keys.outbox(), ':before': before },
        Limit: limit,
      }),
    );
    return Items.map((item) => String(item.id));
  },

  listByOwner: (owner: string, limit: number, cursor?: string) =>
    listNewestFirst(TABLE_INDEXES.byOwner.name, 'ownerPk', keys.owner(owner), limit, cursor),

  listByAgent: (agent: string, limit: number, cursor?: string) =>
    listNewestFirst(TABLE_INDEXES.byAgent.name, 'agentPk', keys.agent(agent), limit, cursor),

  async listBySla(state: string, limit: number): Promise<CaseListing[]> {
    const { Items = [] } = await documents.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: TABLE_INDEXES.bySla.name,
        KeyConditionExpression: 'slaPk = :pk',
        ExpressionAttributeValues: { ':pk': keys.sla(state) },
        Limit: limit,
      }),
    );
    return Items.map(toListing);
  },

  /**
   * When each case in one SLA state was submitted. Meant for the open states, whose size is what is
   * in flight; closed cases are read through their KPI facts (closed-cases.ts).
   */
  async submissionTimesBySla(state: string): Promise<string[]> {
    const items = await queryAll<{ submittedAt: string }>({
      TableName: tableName(),
      IndexName: TABLE_INDEXES.bySla.name,
      KeyConditionExpression: 'slaPk = :pk',
      ExpressionAttributeValues: { ':pk': keys.sla(state) },
      ProjectionExpression: 'submittedAt',
    });
    return items.map((item) => item.submittedAt);
  },
};

/** A case stored before events existed starts counting them at its first change since. */
const countingEventsFrom = (next: CaseRecord, current: CaseRecord): CaseRecord =>
  next.eventsPublished === undefined ? { ...next, eventsPublished: current.timeline.length } : next;

async function listNewestFirst(
  indexName: string,
  keyAttribute: string,
  keyValue: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<CaseListing>> {
  const page = await documents.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: indexName,
      KeyConditionExpression: `${keyAttribute} = :pk`,
      ExpressionAttributeValues: { ':pk': keyValue },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, keyValue),
    }),
  );
  return {
    items: (page.Items ?? []).map(toListing),
    nextCursor: encodeCursor(page.LastEvaluatedKey, keyValue),
  };
}
