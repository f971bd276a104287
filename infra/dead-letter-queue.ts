import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueueName } from '../shared/ops/alarms';
import { acknowledge } from './nag';

/** A dead letter waits this long to be looked at and replayed (SQS's longest retention). */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/**
 * The queue where what a function could not handle waits, named so that its alarm (shared/ops/alarms.ts)
 * needs no deployment output. `sentBy` says what sends to it, for the cdk-nag acknowledgement: the
 * queue is itself a dead-letter queue, which cdk-nag does not see as a redrive policy.
 */
export function deadLetterQueue(scope: Construct, functionName: string, sentBy: string): sqs.Queue {
  const queue = new sqs.Queue(scope, `${functionName}DeadLetters`, {
    queueName: deadLetterQueueName(functionName),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: DEAD_LETTER_RETENTION,
  });
  acknowledge(
    queue,
    'AwsSolutions-SQS3',
    `This queue is itself the dead-letter queue of ${functionName}: ${sentBy}, which cdk-nag does not see as a redrive policy.`,
  );
  return queue;
}
