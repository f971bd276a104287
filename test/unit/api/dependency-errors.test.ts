import { DynamoDBServiceException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { SFNServiceException } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, test } from 'vitest';
import { isOverload, isRejectedValue } from '../../../functions/api/dependency-errors';
import { handler } from '../../../functions/api/get-application';
import { VersionConflict } from '../../../shared/data/errors';
import { ORIGIN_SECRET } from '../workflow/env';
import { ddb, lambdaContext, useWorkflowHarness } from '../workflow/helpers';

const harness = useWorkflowHarness();

const dynamoError = (name: string, fault: 'client' | 'server') =>
  new DynamoDBServiceException({ name, $fault: fault, message: name, $metadata: {} });

async function getApplication(origin = ORIGIN_SECRET): Promise<APIGatewayProxyStructuredResultV2> {
  const event = {
    headers: { 'x-origin-verify': origin },
    pathParameters: { id: 'co-1' },
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'founder-1', 'cognito:groups': '[applicants]' } } },
    },
  };
  return (await handler(
    event as never,
    lambdaContext('GetApplication'),
  )) as APIGatewayProxyStructuredResultV2;
}

describe('what a dependency failure answers', () => {
  test('throttled DynamoDB after the retries is 503 ServiceBusy with Retry-After, in both languages', async () => {
    // Prepare
    ddb
      .on(GetCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));

    // Act
    const response = await getApplication();

    // Assess
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('2');
    expect(JSON.parse(response.body as string)).toEqual({
      error: {
        code: 'ServiceBusy',
        message: 'The service is busy right now; try again in a moment',
        message_zh: '服务繁忙，请稍后重试',
        fields: [],
      },
    });
    expect(harness.metrics().map((metric) => metric.name)).toEqual(['ServiceBusy']);
  });

  test('a value DynamoDB refuses is 400, not 500', async () => {
    ddb.on(GetCommand).rejects(dynamoError('ValidationException', 'client'));

    const response = await getApplication();

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body as string).error.code).toBe('ValueRejected');
  });

  test('a request that did not come through CloudFront is 403 before anything is read', async () => {
    for (const origin of ['', 'guessed', `${ORIGIN_SECRET}x`]) {
      const response = await getApplication(origin);

      expect(response.statusCode).toBe(403);
      expect(JSON.parse(response.body as string).error).toMatchObject({ code: 'NotViaSite', fields: [] });
    }
    expect(ddb.calls()).toEqual([]);
  });

  test('a defect is still a 500', async () => {
    ddb.on(GetCommand).rejects(new TypeError('undefined is not a function'));

    expect((await getApplication()).statusCode).toBe(500);
    expect(harness.metrics()).toEqual([]);
  });

  test.each([
    ['DynamoDB throttling', dynamoError('ThrottlingException', 'client'), true],
    ['DynamoDB request limit', dynamoError('RequestLimitExceeded', 'client'), true],
    ['DynamoDB internal error', dynamoError('InternalServerError', 'server'), true],
    [
      'Step Functions unavailable',
      new SFNServiceException({ name: 'ServiceUnavailable', $fault: 'server', message: '', $metadata: {} }),
      true,
    ],
    ['a lost optimistic race after every retry', new VersionConflict('co-1'), true],
    ['a conditional check', dynamoError('ConditionalCheckFailedException', 'client'), false],
    ['a plain bug', new Error('bug'), false],
  ])('%s: overload is %s', (_, error, overload) => {
    expect(isOverload(error)).toBe(overload);
    expect(isRejectedValue(error)).toBe(false);
  });
});
