import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS } from '../shared/data/table';
import { CaseEventBus } from './case-event-bus';
import { EventFunctions } from './event-functions';
import { Storage } from './storage';
import { StreamFunctions } from './stream-functions';

export interface DataStackProps extends StackProps {
  /** The site's origin, for the buckets' CORS (infra/site-origin.ts). */
  siteOrigin?: string;
}

/**
 * The single table, from the same key and index definitions the local runtime uses; the buckets
 * (infra/storage.ts), the case event bus (infra/case-event-bus.ts), the functions EventBridge runs on
 * the uploads' and the cases' events (infra/event-functions.ts) and those the table's stream runs
 * (infra/stream-functions.ts).
 */
export class DataStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly storage: Storage;
  readonly caseEventBus: CaseEventBus;
  readonly eventFunctions: EventFunctions;
  readonly streamFunctions: StreamFunctions;

  constructor(scope: Construct, id: string, props: DataStackProps = {}) {
    super(scope, id, props);
    const string = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: string(TABLE_KEYS.partitionKey),
      sortKey: string(TABLE_KEYS.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The case outbox's publisher reads it (infra/stream-functions.ts).
      dynamoStream: dynamodb.StreamViewType.NEW_IMAGE,
      globalSecondaryIndexes: Object.values(TABLE_INDEXES).map((index) => ({
        indexName: index.name,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        projectionType: dynamodb.ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.projected],
      })),
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    this.storage = new Storage(this, { siteOrigin: props.siteOrigin });
    this.caseEventBus = new CaseEventBus(this, 'CaseEvents');
    this.eventFunctions = new EventFunctions(this, {
      table: this.table,
      storage: this.storage.resources,
      caseEventBus: this.caseEventBus.bus,
    });
    this.streamFunctions = new StreamFunctions(this, { table: this.table });
    for (const [name, bucket] of Object.entries(this.storage.buckets)) {
      new CfnOutput(this, `${bucket.node.id}BucketName`, {
        value: bucket.bucketName,
        description: `The ${name} bucket`,
      });
    }
  }
}
