import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { TABLE_KEYS } from '../shared/data/table';
import { matches } from './event-bus';

type Item = Record<string, AttributeValue>;
type Target = (event: DynamoDBStreamEvent) => Promise<unknown>;

export interface StreamDeliveryPolicy {
  attempts: number;
  backoffMs: (retry: number) => number;
  /** A record no attempt could process: what the mapping's on-failure destination receives. */
  gaveUp: (functionName: string, record: DynamoDBRecord, error: unknown) => void;
}

/**
 * The table's DynamoDB stream (new images) and the Lambda mappings reading it, for the local runtime:
 * each item dynalite stored with a PutItem becomes a record, each function whose declared event filter
 * matches it gets it, one record per invocation, in order per item, retried by the policy. Lambda's
 * partial batch answer (`batchItemFailures`) counts as a failure. dynalite keeps no stream, so after a
 * restart `replay` hands the functions what a stream would still hold for them.
 */
export class LocalTableStream {
  private readonly mappings: { name: string; filter: Record<string, unknown>; target: Target }[] = [];
  private readonly perItem = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private sequence = 0;

  constructor(
    private readonly source: { tableArn: string; region: string },
    private readonly delivery: StreamDeliveryPolicy,
  ) {}

  subscribe(name: string, filter: Record<string, unknown>, target: Target): void {
    this.mappings.push({ name, filter, target });
  }

  /** An item the table now holds (a successful PutItem). */
  written(item: Item): void {
    const keys = {
      [TABLE_KEYS.partitionKey]: item[TABLE_KEYS.partitionKey],
      [TABLE_KEYS.sortKey]: item[TABLE_KEYS.sortKey],
    } as Item;
    this.sequence += 1;
    const record: DynamoDBRecord = {
      eventID: `local-${this.sequence}`,
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.source.region,
      eventSourceARN: `${this.source.tableArn}/stream/local`,
      dynamodb: {
        Keys: keys,
        NewImage: item,
        SequenceNumber: String(this.sequence).padStart(21, '0'),
        StreamViewType: 'NEW_IMAGE',
      },
    };
    const key = JSON.stringify(keys);
    for (const mapping of this.mappings) {
      if (!matches(mapping.filter, record)) continue;
      const previous = this.perItem.get(`${mapping.name}${key}`) ?? Promise.resolve();
      const delivery = previous.then(() => this.deliver(mapping, record));
      this.perItem.set(`${mapping.name}${key}`, delivery);
      this.inFlight.add(delivery);
      void delivery.finally(() => {
        this.inFlight.delete(delivery);
        if (this.perItem.get(`${mapping.name}${key}`) === delivery)
          this.perItem.delete(`${mapping.name}${key}`);
      });
    }
  }

  /** What a stream would still hold after a restart: the items given, as records again. */
  replay(items: readonly Item[]): void {
    for (const item of items) this.written(item);
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async deliver(mapping: { name: string; target: Target }, record: DynamoDBRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = (await mapping.target({ Records: [record] })) as
          | { batchItemFailures?: unknown[] }
          | undefined;
        if (answer?.batchItemFailures?.length) throw new Error('The function reported the record as failed');
        return;
      } catch (error) {
        if (attempt >= this.delivery.attempts) return this.delivery.gaveUp(mapping.name, record, error);
        await new Promise((resolve) => setTimeout(resolve, this.delivery.backoffMs(attempt)));
      }
    }
  }
}
