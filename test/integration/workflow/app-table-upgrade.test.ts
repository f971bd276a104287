import { readFileSync } from 'node:fs';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LocalDynamo, startDynalite } from '../../../local/dynalite';
import type { CaseRecord } from '../../../shared/case/model';
import { newCase } from '../../../shared/case/transitions';
import { ENVIRONMENT } from '../../../shared/config';
import { TABLE_INDEXES, TABLE_KEYS } from '../../../shared/data/table';
import { applicationFormSchemaOn } from '../../../shared/form';

/**
 * A data folder made before issue 18 (no byOutbox index) holding cases and uploads: the runtime's
 * ensureAppTable upgrades it instead of refusing it, loses no item, and a kill in the middle of the
 * upgrade loses none either. The cases are written with the platform's own repository.
 */

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const CASES = 12;
/** More than one Scan page of the upgrade (100 items). */
const UPLOADS = 230;
const OLD_INDEXES = Object.values(TABLE_INDEXES).filter((index) => index.name !== 'byOutbox');

let dynamo: LocalDynamo;
let client: DynamoDBClient;
let tables = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  });
});

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

/** The table as the version before issue 18 created it, filled with its cases and uploads. */
async function oldTable(): Promise<string> {
  const name = `app-${++tables}`;
  process.env[ENVIRONMENT.tableName] = name;
  const attributes = new Set<string>([
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...OLD_INDEXES.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]);
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((attribute) => ({
        AttributeName: attribute,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: OLD_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projected] },
      })),
    }),
  );
  const { cases } = await import('../../../shared/data/cases');
  for (let n = 0; n < CASES; n++) await cases.create(oldCase(n));
  for (let start = 0; start < UPLOADS; start += 25) {
    await client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [name]: Array.from({ length: Math.min(25, UPLOADS - start) }, (_, offset) => ({
            PutRequest: {
              Item: {
                pk: { S: `UPLOAD#up-${start + offset}` },
                sk: { S: 'UPLOAD' },
                sizeBytes: { N: String(1000 + start + offset) },
                status: { S: 'clean' },
              },
            },
          })),
        },
      }),
    );
  }
  return name;
}

/** A case as the version before issue 18 wrote it: it knew nothing of published events. */
function oldCase(n: number): CaseRecord {
  const form = applicationFormSchemaOn('2026-12-01').parse(
    JSON.parse(readFileSync('test/fixtures/applications/valid-baiyun-llc.json', 'utf8')),
  );
  const { eventsPublished, ...record } = newCase({
    id: `co-upgrade-${String(n).padStart(4, '0')}`,
    owner: 'founder-upgrade',
    filedBy: { role: 'applicant', sub: 'founder-upgrade' },
    idempotencyKey: `key-${n}`,
    requestHash: `hash-${n}`,
    form,
    submittedAt: `2026-12-01T02:00:${String(n).padStart(2, '0')}.000Z`,
  });
  return record as CaseRecord;
}

async function everyItem(tableName: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk?.S}|${a.sk?.S}`.localeCompare(`${b.pk?.S}|${b.sk?.S}`));
}

async function tableNames(): Promise<string[]> {
  const { ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
  return (await client.send(new ListTablesCommand({}))).TableNames ?? [];
}

/** A client that fails the first command `failing` picks, as a kill at that point would stop the upgrade. */
function failingOn(failing: (command: object) => boolean): DynamoDBClient {
  const faulty = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
  let failed = false;
  const send = faulty.send.bind(faulty) as (command: object) => Promise<unknown>;
  (faulty as unknown as { send: (command: object) => Promise<unknown> }).send = (command) => {
    if (!failed && failing(command)) {
      failed = true;
      return Promise.reject(new Error('killed'));
    }
    return send(command);
  };
  return faulty;
}

describe('a local table made before an index was added', () => {
  test('is upgraded: every item kept, the new index built, one line logged', async () => {
    // Prepare
    const name = await oldTable();
    const before = await everyItem(name);
    const { ensureAppTable } = await import('../../../local/app-table');
    const logged: string[] = [];

    // Act
    await ensureAppTable(client, name, (line) => logged.push(line));

    // Assess: the same items, the current indexes, the staging table gone, and the line says so.
    expect(before).toHaveLength(CASES + UPLOADS);
    expect(await everyItem(name)).toEqual(before);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      Object.values(TABLE_INDEXES)
        .map((index) => index.name)
        .sort(),
    );
    expect(await tableNames()).not.toContain(`${name}-upgrade`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`${name}.*byOutbox.*${CASES + UPLOADS} items kept.*本地数据表`));

    // Act / Assess: run again, it is current and nothing is logged.
    await ensureAppTable(client, name, (line) => logged.push(line));
    expect(logged).toHaveLength(1);
  });

  test('serves the old indexes and the new one: a case with unpublished events, written again, is in byOutbox', async () => {
    // Prepare
    const name = await oldTable();
    const { ensureAppTable } = await import('../../../local/app-table');
    await ensureAppTable(client, name, () => {});
    const { cases } = await import('../../../shared/data/cases');

    // Act: nothing in the outbox yet; one case written again with its submission unpublished.
    const waitingBefore = await cases.withEventsWaitingSince('9999', 100);
    const record = await cases.get('co-upgrade-0003');
    if (!record) throw new Error('the case was lost');
    await cases.save({ ...record, eventsPublished: 0 }, record.version);

    // Assess
    expect(waitingBefore).toEqual([]);
    expect(await cases.withEventsWaitingSince('9999', 100)).toEqual(['co-upgrade-0003']);
    const { items } = await cases.listByOwner('founder-upgrade', 50);
    expect(items).toHaveLength(CASES);
  });

  test.each([
    ['while copying aside', (command: object) => command instanceof BatchWriteItemCommand],
    [
      'after deleting the old table',
      (command: object) =>
        command instanceof CreateTableCommand &&
        tables > 0 &&
        (command as CreateTableCommand).input.GlobalSecondaryIndexes !== undefined,
    ],
    [
      'while writing the items back',
      (() => {
        let batches = 0;
        // The copy aside takes ceil(242 / 25) batches: fail one of the writes back.
        return (command: object) => command instanceof BatchWriteItemCommand && ++batches === 13;
      })(),
    ],
    [
      'before dropping the staging copy',
      (command: object) =>
        command instanceof DeleteTableCommand &&
        String((command as DeleteTableCommand).input.TableName).endsWith('-upgrade'),
    ],
  ])('killed %s, it finishes on the next start with every item', async (_when, failing) => {
    // Prepare
    const name = await oldTable();
    const before = await everyItem(name);
    const { ensureAppTable } = await import('../../../local/app-table');
    const logged: string[] = [];

    // Act
    await expect(ensureAppTable(failingOn(failing), name, () => {})).rejects.toThrow('killed');
    await ensureAppTable(client, name, (line) => logged.push(line));

    // Assess
    expect(await everyItem(name)).toEqual(before);
    expect(await tableNames()).not.toContain(`${name}-upgrade`);
    expect(logged).toHaveLength(1);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toContain('byOutbox');
  });
});
