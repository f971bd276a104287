import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { STREAM_FUNCTIONS, type StreamFunction } from '../shared/entry-points/stream-functions';
import { deadLetterQueue } from './dead-letter-queue';
import { accessEnvironment, grantAccess } from './grant-access';
import { HouseFunction } from './house-function';

export type StreamFunctionKey = keyof typeof STREAM_FUNCTIONS;

/**
 * How the table stream's mapping retries a record a function failed on: Lambda retries a failed
 * record (and only it, with partial batch answers) until it has tried this often or the record is this
 * old, then hands it to the on-failure queue. The outbox keeps the events either way: the sweep
 * (SweepCaseEvents) publishes what the stream gave up on.
 */
export const STREAM_RETRIES = { retryAttempts: 10, maxRecordAge: Duration.hours(6) } as const;

/**
 * One function per declared stream function (shared/entry-points/stream-functions.ts), reading the
 * table's stream of new images through an event source mapping with the declared filter, its failures
 * in a queue that alarms (shared/ops/alarms.ts).
 */
export class StreamFunctions {
  readonly functions = {} as Record<StreamFunctionKey, HouseFunction>;
  readonly deadLetterQueues = {} as Record<StreamFunctionKey, sqs.Queue>;

  constructor(scope: Construct, props: { table: dynamodb.TableV2 }) {
    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('The table has no stream for the stream functions to read');
    for (const [key, declared] of Object.entries(STREAM_FUNCTIONS) as [StreamFunctionKey, StreamFunction][]) {
      const failures = deadLetterQueue(
        scope,
        declared.name,
        'its stream mapping sends it the records it gave up on',
      );
      const fn = new HouseFunction(scope, declared.name, {
        entry: declared.handler,
        tableName: props.table.tableName,
        environment: accessEnvironment(declared.access, { table: props.table }),
      });
      grantAccess(fn, declared.access, { table: props.table });
      props.table.grantStreamRead(fn);
      new lambda.EventSourceMapping(scope, `${declared.name}Stream`, {
        target: fn,
        eventSourceArn: streamArn,
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        ...STREAM_RETRIES,
        onFailure: new SqsDlq(failures),
        filters: [{ pattern: JSON.stringify(declared.filter) }],
      });
      this.functions[key] = fn;
      this.deadLetterQueues[key] = failures;
    }
  }
}
