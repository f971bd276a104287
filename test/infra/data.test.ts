import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { TABLE_INDEXES, TABLE_KEYS } from '../../shared/data/table';
import { resourcesOf, type SynthesizedApp, synthesize } from './synth';

let synthesized: SynthesizedApp;

/** What must never be copied into an index: the form, the things in it that identify a person, tokens. */
const PERSONAL_OR_SECRET = [
  /^form$/,
  /^application$/,
  /^sla$/,
  /^corrections$/,
  /^timeline$/,
  /^items$/,
  /token/i,
  /id.?number/i,
  /mobile/i,
  /phone/i,
];

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

  test('every GSI the repositories query exists with its keys, projecting exactly the declared attributes', () => {
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
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projected] },
      })),
    );
  });

  test('no GSI copies the form, an ID number, a mobile or a task token', () => {
    // Prepare
    const [table] = Object.values(resourcesOf(synthesized.templates.data, 'AWS::DynamoDB::GlobalTable'));
    const indexes = table?.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }[];

    // Act
    const projections = indexes.map((index) => ({
      index: index.IndexName,
      type: index.Projection.ProjectionType,
      denied: (index.Projection.NonKeyAttributes ?? []).filter((attribute) =>
        PERSONAL_OR_SECRET.some((pattern) => pattern.test(attribute)),
      ),
    }));

    // Assess
    expect(projections).toHaveLength(Object.keys(TABLE_INDEXES).length);
    for (const projection of projections) {
      expect(['INCLUDE', 'KEYS_ONLY']).toContain(projection.type);
      expect(projection.denied).toEqual([]);
    }
  });
});
