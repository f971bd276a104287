import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  type GlobalSecondaryIndexDescription,
  PutItemCommand,
  ResourceNotFoundException,
  ScanCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { TABLE_INDEXES, TABLE_KEYS } from '../shared/data/table';

type RawItem = Record<string, AttributeValue>;

/** DynamoDB's BatchWriteItem takes at most 25 requests a call (its quotas page). */
const BATCH_WRITE_LIMIT = 25;
/** Items a Scan page of the upgrade copies: a few hundred kilobytes at most, whatever the table holds. */
const SCAN_PAGE = 100;
/** How many calls a batch's UnprocessedItems get before the upgrade gives up (it can be run again). */
const UNPROCESSED_ATTEMPTS = 10;
/** Written last into the staging copy: the copy is whole, the old table may go. */
const COPY_COMPLETE = { pk: { S: '#upgrade' }, sk: { S: '#copy-complete' } };

const stagingName = (tableName: string) => `${tableName}-upgrade`;

/**
 * Creates the platform's single table in dynalite from the same definition CDK deploys. A table left in
 * the data folder by an older version whose indexes differ (one missing, as `byOutbox` before issue 18,
 * or copying other attributes, as before issue 14) is upgraded in place, since dynalite's UpdateTable
 * cannot create an index: every item is copied into a staging table, the table is made again from the
 * current definition, and the items are written back, where the new indexes pick them up.
 *
 * A kill at any point loses nothing: the old table is deleted only once the staging copy is whole (its
 * last item says so); the next start finds the staging table and finishes the upgrade, or, if the copy
 * was not whole, drops it and starts over from the old table, still intact.
 */
export async function ensureAppTable(
  client: DynamoDBClient,
  tableName: string,
  log: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const staging = stagingName(tableName);
  const stagingTable = await describe(client, staging);
  if (stagingTable && (await isWholeCopy(client, staging)))
    return finishUpgrade(client, tableName, 'a previous upgrade was interrupted', log);
  if (stagingTable) await deleteTable(client, staging);
  const table = await describe(client, tableName);
  if (!table) return createAppTable(client, tableName);
  const stale = staleIndexes(table.GlobalSecondaryIndexes ?? []);
  if (stale.length === 0) return;
  await createTable(client, staging, []);
  await copyItems(client, tableName, staging);
  await client.send(new PutItemCommand({ TableName: staging, Item: COPY_COMPLETE }));
  await finishUpgrade(
    client,
    tableName,
    `its indexes ${stale.join(', ')} differed from shared/data/table.ts`,
    log,
  );
}

/** With the staging copy whole: the table made anew from the definition (unless it already is), the items written back. */
async function finishUpgrade(
  client: DynamoDBClient,
  tableName: string,
  reason: string,
  log: (line: string) => void,
): Promise<void> {
  const staging = stagingName(tableName);
  const table = await describe(client, tableName);
  const current = table !== undefined && staleIndexes(table.GlobalSecondaryIndexes ?? []).length === 0;
  if (!current) {
    await deleteTable(client, tableName);
    await createAppTable(client, tableName);
  }
  const kept = await copyItems(client, staging, tableName);
  await deleteTable(client, staging);
  log(
    `Upgraded the local table ${tableName} (${reason}): made again from the current definition, ` +
      `its ${kept} items kept (本地数据表 ${tableName} 已按当前定义升级，${kept} 条数据全部保留)`,
  );
}

async function createAppTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createTable(client, tableName, Object.values(TABLE_INDEXES));
}

async function createTable(
  client: DynamoDBClient,
  tableName: string,
  indexes: { name: string; partitionKey: string; sortKey: string; projected: readonly string[] }[],
): Promise<void> {
  const attributes = new Set<string>([
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      ...(indexes.length === 0
        ? {}
        : {
            GlobalSecondaryIndexes: indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
                { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
              ],
              Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projected] },
            })),
          }),
    }),
  );
  while ((await describe(client, tableName))?.TableStatus !== 'ACTIVE') await pause(10);
}

async function deleteTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch((error) => {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  });
  while (await describe(client, tableName)) await pause(10);
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function isWholeCopy(client: DynamoDBClient, staging: string): Promise<boolean> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: staging, Key: COPY_COMPLETE, ConsistentRead: true }),
  );
  return Item !== undefined;
}

const isCopyMarker = (item: RawItem) =>
  item.pk?.S === COPY_COMPLETE.pk.S && item.sk?.S === COPY_COMPLETE.sk.S;

/** Every item of `from` (but the staging marker) written into `to`, page by page; returns how many. */
async function copyItems(client: DynamoDBClient, from: string, to: string): Promise<number> {
  let copied = 0;
  let ExclusiveStartKey: RawItem | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: from, Limit: SCAN_PAGE, ExclusiveStartKey, ConsistentRead: true }),
    );
    const items = (page.Items ?? []).filter((item) => !isCopyMarker(item));
    for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT)
      await batchWrite(client, to, items.slice(start, start + BATCH_WRITE_LIMIT));
    copied += items.length;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return copied;
}

async function batchWrite(client: DynamoDBClient, tableName: string, items: RawItem[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 1; requests.length > 0; attempt++) {
    if (attempt > UNPROCESSED_ATTEMPTS)
      throw new Error(`${requests.length} items could not be written to ${tableName}; start again to resume`);
    if (attempt > 1) await pause(50 * 2 ** attempt);
    const { UnprocessedItems } = await client.send(
      new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }),
    );
    requests = (UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
      request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
    );
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The declared indexes the table lacks or projects differently, and the indexes it has that are not declared. */
function staleIndexes(existing: GlobalSecondaryIndexDescription[]): string[] {
  const declared = Object.values(TABLE_INDEXES);
  const differing = declared
    .filter((index) => {
      const projection = existing.find((candidate) => candidate.IndexName === index.name)?.Projection;
      const projected = [...(projection?.NonKeyAttributes ?? [])].sort();
      return (
        projection?.ProjectionType !== 'INCLUDE' ||
        JSON.stringify(projected) !== JSON.stringify([...index.projected].sort())
      );
    })
    .map((index) => index.name);
  const undeclared = existing
    .map((index) => index.IndexName ?? '')
    .filter((name) => !declared.some((index) => index.name === name));
  return [...differing, ...undeclared];
}
