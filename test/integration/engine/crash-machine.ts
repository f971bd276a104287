import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { MachineDefinition } from '../../../local/engine/asl';
import type { LambdaHandler } from '../../../local/lambda-context';

export const EFFECTS_TABLE = 'crash-effects';

/**
 * A case-shaped machine for the crash test: a task, a timer, a callback, then a Parallel of a
 * callback and a timer followed by a task, then a closing task. Every handler leaves one side effect
 * per business step, so a step run twice with a new request id shows up as a duplicate.
 */
export const crashDefinition: MachineDefinition = {
  StartAt: 'Intake',
  States: {
    Intake: record('intake', { ResultPath: '$.intake', Next: 'Pause' }),
    Pause: { Type: 'Wait', SecondsPath: '$.pauseSeconds', Next: 'Review' },
    Review: issue('review', { ResultPath: '$.review', Next: 'Both' }),
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Invoice', States: { Invoice: issue('invoice', { End: true }) } },
        {
          StartAt: 'SealPause',
          States: {
            SealPause: { Type: 'Wait', SecondsPath: '$.pauseSeconds', Next: 'Seal' },
            Seal: record('seal', { End: true }),
          },
        },
      ],
      ResultPath: '$.parallel',
      Next: 'Close',
    },
    Close: record('close', { ResultPath: '$.close', End: true }),
  },
};

function record(step: string, rest: Record<string, unknown>) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: 'record', Payload: { step, 'id.$': '$.id' } },
    ResultSelector: { 'step.$': '$.Payload.step' },
    TimeoutSeconds: 60,
    Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 1, MaxAttempts: 3 }],
    ...rest,
  };
}

function issue(step: string, rest: Record<string, unknown>) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: { FunctionName: 'issue', Payload: { step, 'id.$': '$.id', 'token.$': '$$.Task.Token' } },
    TimeoutSeconds: 3600,
    ...rest,
  };
}

export async function createEffectsTable(client: DynamoDBClient): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: EFFECTS_TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

export function crashFunctions(client: DynamoDBClient): Record<string, LambdaHandler> {
  const documents = DynamoDBDocumentClient.from(client);
  const effect = async (pk: string, context: Context, extra: Record<string, unknown> = {}) => {
    await documents.send(
      new PutCommand({
        TableName: EFFECTS_TABLE,
        Item: { pk: `invocation#${context.awsRequestId}#${Math.random()}`, kind: 'invocation', step: pk },
      }),
    );
    try {
      await documents.send(
        new PutCommand({
          TableName: EFFECTS_TABLE,
          Item: { pk, kind: 'effect', requestId: context.awsRequestId, ...extra },
          ConditionExpression: 'attribute_not_exists(pk) OR requestId = :requestId',
          ExpressionAttributeValues: { ':requestId': context.awsRequestId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await documents.send(
        new PutCommand({
          TableName: EFFECTS_TABLE,
          Item: { pk: `duplicate#${pk}#${context.awsRequestId}`, kind: 'duplicate' },
        }),
      );
    }
  };
  return {
    record: async (event, context) => {
      const { step, id } = event as { step: string; id: number };
      await effect(`effect#${id}#${step}`, context);
      return { step };
    },
    issue: async (event, context) => {
      const { step, id, token } = event as { step: string; id: number; token: string };
      await effect(`token#${id}#${step}`, context, { token, id, step });
    },
  };
}
