import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type LocalDynamo, startDynalite } from '../../../local/dynalite';
import { LocalEventBus } from '../../../local/event-bus';
import { EventDeliveries } from '../../../local/event-deliveries';
import { startEventBridgeServer } from '../../../local/eventbridge';

const ACCOUNT = { region: 'us-east-1', accountId: '000000000000' };
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const policy = { attempts: 1, backoffMs: () => 1, deadLetter: () => {} };

let dynamo: LocalDynamo;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startDynalite();
  client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

test('PutEvents answers an event id only for an event the bus kept, InternalFailure for one it could not', async () => {
  // Prepare: one bus over a store, one over a store that is down.
  const deliveries = new EventDeliveries(client, 'deliveries');
  await deliveries.ensureTable();
  const kept = new LocalEventBus('cases', ACCOUNT, deliveries, policy);
  kept.addRule('Notify', { source: ['test'] }, () => new Promise(() => {}));
  const down = new DynamoDBClient({
    endpoint: 'http://127.0.0.1:9',
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  const unkept = new LocalEventBus('broken', ACCOUNT, new EventDeliveries(down, 'deliveries'), policy);
  unkept.addRule('Notify', { source: ['test'] }, async () => {});
  const { server, url } = await startEventBridgeServer(new Map([kept, unkept].map((bus) => [bus.name, bus])));
  const events = new EventBridgeClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  const entry = (EventBusName: string) => ({
    EventBusName,
    Source: 'test',
    DetailType: 'Test',
    Detail: '{"n":1}',
  });

  // Act
  const answer = await events.send(new PutEventsCommand({ Entries: [entry('cases'), entry('broken')] }));

  // Assess
  expect(answer.FailedEntryCount).toBe(1);
  expect(answer.Entries?.[1]).toMatchObject({ ErrorCode: 'InternalFailure' });
  const pending = await deliveries.pending('cases');
  expect(pending.map(({ event, rules }) => [event.id, rules])).toEqual([
    [answer.Entries?.[0]?.EventId, ['Notify']],
  ]);
  events.destroy();
  down.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
