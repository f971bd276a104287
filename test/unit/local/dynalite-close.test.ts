import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from 'vitest';
import { startDynalite } from '../../../local/dynalite';

test('closing answers the requests being served first, so none meets a closed database', async () => {
  // Prepare
  const dynamo = await startDynalite();
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await client.send(
    new CreateTableCommand({
      TableName: 'closing',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const puts = Array.from({ length: 50 }, (_, index) =>
    client.send(new PutItemCommand({ TableName: 'closing', Item: { pk: { S: `item-${index}` } } })),
  );
  const settled = Promise.allSettled(puts);
  while (dynamo.requests() < 1 + 10) await new Promise((resolve) => setImmediate(resolve));
  const takenIn = dynamo.requests() - 1;

  // Act
  await dynamo.close();
  const outcomes = await settled;
  client.destroy();

  // Assess: every put the server had taken in when closing began was answered
  const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
  expect(answered).toBeGreaterThanOrEqual(takenIn);
});
