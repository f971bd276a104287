import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Channel, Notice } from '../notices/model';
import { documents } from './dynamo';
import { isConditionFailure } from './errors';
import { decodeCursor, encodeCursor, type Page } from './pages';
import { keys, tableName } from './table';

/**
 * The platform's choice: the unread set holds at most this many ids (an id is under 100 bytes, so the
 * item stays far below DynamoDB's 400 KB); past it the count shows this many.
 */
export const UNREAD_CAP = 1000;

const SORT_PREFIX = 'N#';

function toItem(notice: Notice) {
  return { ...keys.notice(notice.recipient, notice.id), ...notice };
}

function toNotice(item: Record<string, unknown>): Notice {
  const { pk, sk, ...notice } = item;
  return notice as unknown as Notice;
}

export const notices = {
  async get(recipient: string, id: string): Promise<Notice | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.notice(recipient, id), ConsistentRead: true }),
    );
    return Item ? toNotice(Item) : undefined;
  },

  /** Stores the notice unless it exists (the same event told again); answers the stored one either way. */
  async create(notice: Notice): Promise<{ created: boolean; notice: Notice }> {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem(notice),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { created: true, notice };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const stored = await notices.get(notice.recipient, notice.id);
      if (!stored) throw error;
      return { created: false, notice: stored };
    }
  },

  /** Writes the next version of a notice; false when another writer changed it first (or `also` failed). */
  async replace(next: Notice, fromVersion: number, also?: { condition: string; values: object }) {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: toItem({ ...next, version: fromVersion + 1 }),
          ConditionExpression: `version = :version${also ? ` AND (${also.condition})` : ''}`,
          ExpressionAttributeValues: { ':version': fromVersion, ...also?.values },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** A person's notices, newest first; with `channel`, only those of that channel, pages kept full. */
  async list(
    recipient: string,
    limit: number,
    cursor: string | undefined,
    channel: Channel | undefined,
  ): Promise<Page<Notice>> {
    const partition = keys.notices(recipient);
    const items: Notice[] = [];
    let start = decodeCursor(cursor, partition);
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ...(channel
            ? {
                FilterExpression: '#channel = :channel',
                ExpressionAttributeNames: { '#channel': 'channel' },
              }
            : {}),
          ExpressionAttributeValues: {
            ':pk': partition,
            ':prefix': SORT_PREFIX,
            ...(channel ? { ':channel': channel } : {}),
          },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []).map(toNotice));
      start = page.LastEvaluatedKey;
    } while (start && items.length < limit);
    const kept = items.slice(0, limit);
    const last = kept.at(-1);
    // A page filled before the query's own end continues after its last notice.
    const next = items.length > limit && last ? keys.notice(recipient, last.id) : start;
    return { items: kept, nextCursor: encodeCursor(next, partition) };
  },

  /** Counts an app notice as unread: adding an id to a set, so a retried event never counts twice. */
  async markUnread(recipient: string, id: string): Promise<void> {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.unreadNotices(recipient),
          UpdateExpression: 'ADD #ids :id',
          ConditionExpression: 'attribute_not_exists(#ids) OR contains(#ids, :one) OR size(#ids) < :cap',
          ExpressionAttributeNames: { '#ids': 'ids' },
          ExpressionAttributeValues: { ':id': new Set([id]), ':one': id, ':cap': UNREAD_CAP },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  async markRead(recipient: string, id: string): Promise<void> {
    await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.unreadNotices(recipient),
        UpdateExpression: 'DELETE #ids :id',
        ExpressionAttributeNames: { '#ids': 'ids' },
        ExpressionAttributeValues: { ':id': new Set([id]) },
      }),
    );
  },

  async unreadCount(recipient: string): Promise<number> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: keys.unreadNotices(recipient), ConsistentRead: true }),
    );
    return (Item?.ids as Set<string> | undefined)?.size ?? 0;
  },
};
