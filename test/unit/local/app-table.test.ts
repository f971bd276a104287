import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { ensureAppTable } from '../../../local/app-table';
import { TABLE_INDEXES } from '../../../shared/data/table';

const client = new DynamoDBClient({ region: 'cn-north-1' });
const dynamo = mockClient(client);

const describedWith = (
  projection: (index: (typeof TABLE_INDEXES)[keyof typeof TABLE_INDEXES]) => object,
) => ({
  Table: {
    GlobalSecondaryIndexes: Object.values(TABLE_INDEXES).map((index) => ({
      IndexName: index.name,
      Projection: projection(index),
    })),
  },
});

beforeEach(() => {
  dynamo.reset();
});

/** Upgrading a table made by an older version: test/integration/workflow/app-table-upgrade.test.ts. */
describe('the local app table', () => {
  test('is created with each index projecting exactly its declared attributes', async () => {
    // Prepare
    dynamo
      .on(DescribeTableCommand)
      .rejects(new ResourceNotFoundException({ message: 'none', $metadata: {} }))
      .on(DescribeTableCommand, { TableName: 'app' })
      .rejectsOnce(new ResourceNotFoundException({ message: 'none', $metadata: {} }))
      .resolves({ Table: { TableStatus: 'ACTIVE' } });

    // Act
    await ensureAppTable(client, 'app');

    // Assess
    const [create] = dynamo.commandCalls(CreateTableCommand);
    expect(
      create?.args[0].input.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.Projection]),
    ).toEqual(
      Object.values(TABLE_INDEXES).map((index) => [
        index.name,
        { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projected] },
      ]),
    );
  });

  test('made by this version, it is used as it is', async () => {
    // Prepare
    dynamo
      .on(DescribeTableCommand)
      .rejects(new ResourceNotFoundException({ message: 'none', $metadata: {} }))
      .on(DescribeTableCommand, { TableName: 'app' })
      .resolves(
        describedWith((index) => ({
          ProjectionType: 'INCLUDE',
          NonKeyAttributes: [...index.projected].reverse(),
        })),
      );

    // Act / Assess
    await expect(ensureAppTable(client, 'app')).resolves.toBeUndefined();
    expect(dynamo.commandCalls(CreateTableCommand)).toHaveLength(0);
  });
});
