import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { TABLE_INDEXES, TABLE_KEYS } from '../../shared/data/table';
import { resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;

beforeAll(() => {
  synthesized = synthesize();
});

describe('the data stack', () => {
  test('holds exactly one table, retained when the stack goes', () => {
    // Prepare
    const { data } = synthesized.templates;

    // Act
    const tables = Object.values(resourcesOf(data, 'AWS::DynamoDB::GlobalTable'));

    // Assess
    expect(tables).toHaveLength(1);
    expect(tables[0]?.DeletionPolicy).toBe('Retain');
    expect(tables[0]?.UpdateReplacePolicy).toBe('Retain');
  });

  test('the table has the keys of shared/data/table.ts, on demand, encrypted, with PITR and deletion protection', () => {
    // Prepare
    const { data } = synthesized.templates;

    // Act / Assess
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
  });

  test('every GSI the repositories query exists with its keys, projecting all attributes', () => {
    // Prepare
    const [table] = Object.values(resourcesOf(synthesized.templates.data, 'AWS::DynamoDB::GlobalTable'));

    // Act
    const indexes = table?.Properties.GlobalSecondaryIndexes as { IndexName: string }[];

    // Assess
    expect(indexes).toEqual(
      Object.values(TABLE_INDEXES).map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });
});
