import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../shared/data/errors';
import { queryPages } from '../shared/data/query-pages';
import type { BusEvent } from './event-bus';
import { ensureOwnTable } from './own-table';

/** An accepted event and the rules that have still to deliver it. */
export interface PendingEvent {
  event: BusEvent;
  rules: string[];
}

export interface DeadLetter {
  bus: string;
  rule: string;
  event: BusEvent;
  error: string;
  /** When the last attempt failed, in epoch milliseconds. */
  at: number;
}

const DEAD_LETTERS_PK = 'dead-letters';
const pendingKey = (bus: string, eventId: string) => ({ pk: `bus#${bus}`, sk: `pending#${eventId}` });

/**
 * What the local buses have accepted and not yet delivered, and what they dead-lettered, in a dynalite
 * table of their own (not the app's): EventBridge keeps an event it answered PutEvents for until its
 * targets took it or its retries ran out, whatever happens to the putter, and so must the runtime.
 *
 * An accepted event is one item listing its rules still to deliver, written by one PutItem, so a crash
 * leaves it either whole or absent; each rule delivered takes itself off the list, and the last one
 * deletes the item. A dead letter is written before its rule leaves the list, keyed by event and rule,
 * so a crash between the two repeats the delivery and writes the same dead letter again, not a second.
 */
export class EventDeliveries {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    private readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {
    this.documents = DynamoDBDocumentClient.from(client);
  }

  async ensureTable(): Promise<void> {
    await ensureOwnTable(this.client, {
      TableName: this.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S' as const,
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  }

  /** Records an event the bus accepted, with the rules it matched (at least one). */
  async accept(bus: string, event: BusEvent, rules: readonly string[]): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...pendingKey(bus, event.id), event, rules: new Set(rules) },
      }),
    );
  }

  /** Takes a rule that delivered the event (or gave up on it) off the event's list. */
  async delivered(bus: string, eventId: string, rule: string): Promise<void> {
    const key = pendingKey(bus, eventId);
    const { Attributes } = await this.documents
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'DELETE #rules :rule',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#rules': 'rules' },
          ExpressionAttributeValues: { ':rule': new Set([rule]) },
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch((error) => {
        if (isConditionFailure(error)) return { Attributes: undefined };
        throw error;
      });
    if (Attributes && !Attributes.rules) await this.deleteIfDone(key);
  }

  /** DynamoDB removes a set that lost its last member: then no rule has the event still to deliver. */
  private async deleteIfDone(key: { pk: string; sk: string }): Promise<void> {
    await this.documents
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ConditionExpression: 'attribute_not_exists(#rules)',
          ExpressionAttributeNames: { '#rules': 'rules' },
        }),
      )
      .catch((error) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  /** Keeps what a rule's dead-letter queue receives; the rule is then `delivered`. */
  async deadLettered(letter: DeadLetter): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: DEAD_LETTERS_PK, sk: `${letter.event.id}#${letter.rule}`, ...letter },
      }),
    );
  }

  /** The events of a bus still to be delivered, in no particular order: EventBridge promises none. */
  async pending(bus: string): Promise<PendingEvent[]> {
    const pending: PendingEvent[] = [];
    for await (const page of queryPages(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :pending)',
      ExpressionAttributeValues: { ':pk': pendingKey(bus, '').pk, ':pending': 'pending#' },
      ConsistentRead: true,
    })) {
      for (const { pk, sk, event, rules } of page.Items ?? []) {
        // A crash between the last rule's delivery and the delete leaves the item without rules.
        if (rules) pending.push({ event: event as BusEvent, rules: [...(rules as Set<string>)].sort() });
        else await this.deleteIfDone({ pk, sk });
      }
    }
    return pending;
  }

  /** Every dead letter kept, oldest first. */
  async deadLetters(): Promise<DeadLetter[]> {
    const letters: DeadLetter[] = [];
    for await (const page of queryPages(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': DEAD_LETTERS_PK },
      ConsistentRead: true,
    })) {
      for (const { bus, rule, event, error, at } of page.Items ?? [])
        letters.push({ bus, rule, event, error, at } as DeadLetter);
    }
    return letters.sort((a, b) => a.at - b.at);
  }
}
