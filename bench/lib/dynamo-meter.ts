import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type IndexDefinition, TABLE_INDEXES, TABLE_KEYS } from '../../shared/data/table';

/**
 * Counts DynamoDB requests by operation and the read and write request units AWS would bill for them
 * on-demand, from the requests and responses a client sends and receives (SDK middleware, so the
 * code under test is unchanged). Capacity follows the published rules:
 *
 * - write: 1 WRU per started KB of the larger of the old and new item, per write; a conditional write
 *   that fails still costs its units;
 * - every write also writes each GSI the item is (or was) in: one write when the item enters, stays in
 *   or leaves the index, two (delete + put) when its index key changes; ALL projection, so an index
 *   entry is as large as the item;
 * - read: 1 RRU per started 4 KB, strongly consistent; 0.5 RRU eventually consistent (GSI queries
 *   are); a query is rounded up once over the sum of the items it reads; a read that finds nothing
 *   still costs the minimum.
 *
 * The old item of a write is the one this meter last saw written (benchmarks start from an empty table).
 * It sits in the client's `finalizeRequest` step: requests are on the wire format there, responses
 * already unmarshalled by the DocumentClient, so both are sized.
 */

type AttributeValue = Record<string, unknown>;
type Item = Record<string, AttributeValue>;
type WriteRequest = { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } };

/** The request fields the meter reads (wire format). */
interface RequestFields {
  TableName?: string;
  IndexName?: string;
  Item?: Item;
  Key?: Item;
  ConsistentRead?: boolean;
  RequestItems?: Record<string, WriteRequest[]>;
}

/** The response fields the meter reads (unmarshalled by the DocumentClient). */
interface ResponseFields {
  Item?: Record<string, unknown>;
  Items?: Record<string, unknown>[];
  ScannedCount?: number;
}

export interface OperationTally {
  requests: number;
  /** Items written (a BatchWriteItem request writes up to 25). */
  itemWrites: number;
  failedConditions: number;
  readUnits: number;
  writeUnits: number;
  indexWriteUnits: number;
  bytesWritten: number;
}

export interface MeterSnapshot {
  byOperation: Record<string, OperationTally>;
  requests: number;
  reads: number;
  /** Item writes, conditional failures included. */
  writes: number;
  readUnits: number;
  writeUnits: number;
  indexWriteUnits: number;
  itemSizes: { largest: number; writtenAverage: number };
}

/** Decodes the SDK's request body bytes without its string adapter (which warns when used as a string). */
const decoder = new TextDecoder();
const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

function byteLength(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (value instanceof Uint8Array) return value.byteLength;
  return 0;
}

function numberSize(text: string): number {
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/e.*$/i, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** DynamoDB's size of one attribute value as it travels on the wire ({ "S": "…" }), in bytes. */
export function valueSize(value: AttributeValue): number {
  const [type, inner] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'S':
      return byteLength(inner);
    case 'B':
      return typeof inner === 'string' ? Math.floor((inner.length * 3) / 4) : byteLength(inner);
    case 'N':
      return numberSize(String(inner));
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
    case 'BS':
      return (inner as unknown[]).reduce((sum: number, entry) => sum + byteLength(entry), 0);
    case 'NS':
      return (inner as string[]).reduce((sum, entry) => sum + numberSize(entry), 0);
    case 'L':
      return 3 + (inner as AttributeValue[]).reduce((sum, entry) => sum + 1 + valueSize(entry), 0);
    case 'M':
      return (
        3 +
        Object.entries(inner as Item).reduce(
          (sum, [key, entry]) => sum + 1 + byteLength(key) + valueSize(entry),
          0,
        )
      );
    default:
      return 0;
  }
}

/** The same size for a value the DocumentClient has already unmarshalled into plain JavaScript. */
export function plainSize(value: unknown): number {
  if (typeof value === 'string') return byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(String(value));
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, entry) => sum + plainSize(entry), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, entry) => sum + 1 + plainSize(entry), 0);
  if (typeof value === 'object') {
    return (
      3 + Object.entries(value).reduce((sum, [key, entry]) => sum + 1 + byteLength(key) + plainSize(entry), 0)
    );
  }
  return 0;
}

/** Size of a wire-format item (requests). */
export function itemSize(item: Item | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + byteLength(name) + valueSize(value), 0);
}

/** Size of an item as the DocumentClient returns it (responses). */
export function plainItemSize(item: Record<string, unknown> | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + byteLength(name) + plainSize(value), 0);
}

const kilobytes = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
const readBlocks = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));
const keyString = (item: Item | undefined, name: string) => {
  const value = item?.[name];
  return value ? JSON.stringify(value) : undefined;
};

type MeteredIndex = Omit<IndexDefinition, 'projected'> & Partial<Pick<IndexDefinition, 'projected'>>;

/** The size of an item's copy in an index: the table's and the index's keys and what it projects. */
function indexEntrySize(item: Item | undefined, index: MeteredIndex): number {
  if (!item || !index.projected) return itemSize(item);
  const kept = new Set<string>([
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    index.partitionKey,
    index.sortKey,
    ...index.projected,
  ]);
  return itemSize(Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name))) as Item);
}

export class DynamoMeter {
  private readonly tallies = new Map<string, OperationTally>();
  private readonly items = new Map<string, { item: Item; size: number }>();
  private largest = 0;
  private writtenBytes = 0;
  private writtenItems = 0;

  constructor(
    /** Only requests to these tables are counted. */
    private readonly tables: readonly string[],
    /** Without `projected`, an index copies every attribute (the engine journal's do). */
    private readonly indexes: readonly MeteredIndex[] = Object.values(TABLE_INDEXES),
  ) {}

  /** Counts what `client` sends from now on (the stack is shared with DocumentClients made from it). */
  attach(client: Pick<DynamoDBClient, 'middlewareStack'>): void {
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers?: Record<string, string>; body?: unknown };
        const operation = String(request.headers?.['x-amz-target'] ?? '').split('.')[1] ?? 'Unknown';
        const body =
          typeof request.body === 'string'
            ? request.body
            : request.body instanceof Uint8Array
              ? decoder.decode(request.body)
              : '{}';
        const input = JSON.parse(body) as RequestFields;
        try {
          const result = await next(args);
          this.observe(operation, input, (result as { output?: ResponseFields }).output ?? {}, false);
          return result;
        } catch (error) {
          if ((error as Error).name === 'ConditionalCheckFailedException')
            this.observe(operation, input, {}, true);
          throw error;
        }
      },
      { step: 'finalizeRequest', name: 'benchDynamoMeter', override: true },
    );
  }

  snapshot(): MeterSnapshot {
    const byOperation = Object.fromEntries([...this.tallies].map(([name, tally]) => [name, { ...tally }]));
    const all = [...this.tallies.entries()];
    const sum = (pick: (tally: OperationTally) => number, filter: (name: string) => boolean = () => true) =>
      all.filter(([name]) => filter(name)).reduce((total, [, tally]) => total + pick(tally), 0);
    return {
      byOperation,
      requests: sum((tally) => tally.requests),
      reads: sum(
        (tally) => tally.requests,
        (name) => !WRITE_OPERATIONS.has(name),
      ),
      writes: sum((tally) => tally.itemWrites),
      readUnits: sum((tally) => tally.readUnits),
      writeUnits: sum((tally) => tally.writeUnits),
      indexWriteUnits: sum((tally) => tally.indexWriteUnits),
      itemSizes: {
        largest: this.largest,
        writtenAverage: this.writtenItems === 0 ? 0 : this.writtenBytes / this.writtenItems,
      },
    };
  }

  private tally(operation: string): OperationTally {
    let tally = this.tallies.get(operation);
    if (!tally) {
      tally = {
        requests: 0,
        itemWrites: 0,
        failedConditions: 0,
        readUnits: 0,
        writeUnits: 0,
        indexWriteUnits: 0,
        bytesWritten: 0,
      };
      this.tallies.set(operation, tally);
    }
    return tally;
  }

  private counted(table: unknown): boolean {
    return typeof table === 'string' && this.tables.includes(table);
  }

  private key(table: string, item: Item | undefined): string {
    return `${table}|${keyString(item, TABLE_KEYS.partitionKey)}|${keyString(item, TABLE_KEYS.sortKey)}`;
  }

  private observe(operation: string, input: RequestFields, output: ResponseFields, failed: boolean): void {
    if (operation === 'BatchWriteItem') {
      for (const [table, requests] of Object.entries(input.RequestItems ?? {})) {
        if (!this.counted(table)) continue;
        const tally = this.tally(operation);
        tally.requests++;
        for (const entry of requests) {
          if (entry.PutRequest) this.write(tally, table, entry.PutRequest.Item as Item, false);
          if (entry.DeleteRequest)
            this.write(tally, table, undefined, false, entry.DeleteRequest.Key as Item);
        }
      }
      return;
    }
    if (!this.counted(input.TableName)) return;
    const table = input.TableName as string;
    const tally = this.tally(operation);
    tally.requests++;
    if (failed) tally.failedConditions++;
    switch (operation) {
      case 'PutItem':
        this.write(tally, table, input.Item as Item, failed);
        break;
      case 'DeleteItem':
        this.write(tally, table, undefined, failed, input.Key as Item);
        break;
      case 'UpdateItem': {
        // Not used by the application; charged at the size of the item it last saw.
        const old = this.items.get(this.key(table, input.Key as Item));
        tally.itemWrites++;
        tally.writeUnits += kilobytes(old?.size ?? 0);
        break;
      }
      case 'GetItem': {
        const size = plainItemSize(output.Item as Record<string, unknown> | undefined);
        tally.readUnits += readBlocks(size) * (input.ConsistentRead ? 1 : 0.5);
        break;
      }
      case 'Query':
      case 'Scan': {
        const items = (output.Items ?? []) as Record<string, unknown>[];
        let bytes = items.reduce((sum, item) => sum + plainItemSize(item), 0);
        // Select COUNT returns no items but reads them all: charge the scanned count at the mean size.
        const scanned = output.ScannedCount ?? 0;
        if (items.length === 0 && scanned > 0) bytes = scanned * this.meanSize();
        const consistent = input.ConsistentRead === true && !input.IndexName;
        tally.readUnits += readBlocks(bytes) * (consistent ? 1 : 0.5);
        break;
      }
      default:
        break;
    }
  }

  private meanSize(): number {
    return this.writtenItems === 0 ? 1024 : this.writtenBytes / this.writtenItems;
  }

  /** One write of `item` (undefined: a delete of `key`). */
  private write(
    tally: OperationTally,
    table: string,
    item: Item | undefined,
    failed: boolean,
    key?: Item,
  ): void {
    const storeKey = this.key(table, item ?? key);
    const old = this.items.get(storeKey);
    const size = itemSize(item);
    tally.itemWrites++;
    tally.writeUnits += kilobytes(Math.max(size, old?.size ?? 0));
    if (failed) return;
    tally.bytesWritten += size;
    this.writtenBytes += size;
    this.writtenItems++;
    this.largest = Math.max(this.largest, size);
    for (const index of this.indexes) {
      const oldEntry = indexEntrySize(old?.item, index);
      const newEntry = indexEntrySize(item, index);
      const before = [keyString(old?.item, index.partitionKey), keyString(old?.item, index.sortKey)];
      const after = [keyString(item, index.partitionKey), keyString(item, index.sortKey)];
      const wasIn = before.every(Boolean);
      const isIn = after.every(Boolean);
      if (!wasIn && isIn) tally.indexWriteUnits += kilobytes(newEntry);
      else if (wasIn && !isIn) tally.indexWriteUnits += kilobytes(oldEntry);
      else if (wasIn && isIn) {
        const moved = before[0] !== after[0] || before[1] !== after[1];
        tally.indexWriteUnits += moved
          ? kilobytes(oldEntry) + kilobytes(newEntry)
          : kilobytes(Math.max(newEntry, oldEntry));
      }
    }
    if (item) this.items.set(storeKey, { item, size });
    else this.items.delete(storeKey);
  }
}

/** The difference between two snapshots: what happened in between. */
export function meterDelta(after: MeterSnapshot, before: MeterSnapshot): MeterSnapshot {
  const byOperation: Record<string, OperationTally> = {};
  for (const [name, tally] of Object.entries(after.byOperation)) {
    const earlier = before.byOperation[name];
    byOperation[name] = {
      requests: tally.requests - (earlier?.requests ?? 0),
      itemWrites: tally.itemWrites - (earlier?.itemWrites ?? 0),
      failedConditions: tally.failedConditions - (earlier?.failedConditions ?? 0),
      readUnits: tally.readUnits - (earlier?.readUnits ?? 0),
      writeUnits: tally.writeUnits - (earlier?.writeUnits ?? 0),
      indexWriteUnits: tally.indexWriteUnits - (earlier?.indexWriteUnits ?? 0),
      bytesWritten: tally.bytesWritten - (earlier?.bytesWritten ?? 0),
    };
  }
  return {
    byOperation,
    requests: after.requests - before.requests,
    reads: after.reads - before.reads,
    writes: after.writes - before.writes,
    readUnits: after.readUnits - before.readUnits,
    writeUnits: after.writeUnits - before.writeUnits,
    indexWriteUnits: after.indexWriteUnits - before.indexWriteUnits,
    itemSizes: after.itemSizes,
  };
}
