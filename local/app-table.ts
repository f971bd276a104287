import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { TABLE_INDEXES, TABLE_KEYS } from '../shared/data/table';

/**
 * Creates the platform's single table in dynalite from the same definition CDK deploys. A table left in
 * the data folder by an older version whose indexes copy other attributes (before issue 14 they copied
 * every attribute, tokens and ID numbers included) is refused: its items also lack the list summaries.
 */
export async function ensureAppTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const stale = staleIndexes(Table?.GlobalSecondaryIndexes ?? []);
    if (stale.length > 0)
      throw new Error(
        `The table ${tableName} in the data folder was made by an older version: its indexes ${stale.join(', ')} ` +
          'do not project what shared/data/table.ts declares. Start once with --reset (this deletes the local data).',
      );
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const indexes = Object.values(TABLE_INDEXES);
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
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projected] },
      })),
    }),
  );
}

function staleIndexes(existing: GlobalSecondaryIndexDescription[]): string[] {
  return Object.values(TABLE_INDEXES)
    .filter((index) => {
      const projection = existing.find((candidate) => candidate.IndexName === index.name)?.Projection;
      const projected = [...(projection?.NonKeyAttributes ?? [])].sort();
      return (
        projection?.ProjectionType !== 'INCLUDE' ||
        JSON.stringify(projected) !== JSON.stringify([...index.projected].sort())
      );
    })
    .map((index) => index.name);
}
