import '../../../local/polyfills';
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynalite } from '../../../local/dynalite';
import { LocalEventBus } from '../../../local/event-bus';
import { EventDeliveries } from '../../../local/event-deliveries';
import { startEventBridgeServer } from '../../../local/eventbridge';
import { BUS, DELIVERIES_TABLE, EFFECTS_TABLE } from './crash-bus';

/**
 * A bus in a process of its own, wired as the runtime wires its buses (the deliveries table in dynalite,
 * PutEvents in front), so the crash test can kill it with SIGKILL. Its one rule's target waits
 * `delayMs` + 20 ms per event number, then records one invocation item per delivery it completed.
 */
const dynamo = await startDynalite({ path: process.env.DATA_DIR, port: Number(process.env.DYNAMO_PORT) });
const client = new DynamoDBClient({
  endpoint: dynamo.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const documents = DynamoDBDocumentClient.from(client);
await client
  .send(
    new CreateTableCommand({
      TableName: EFFECTS_TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  )
  .catch((error) => {
    if (!(error instanceof ResourceInUseException)) throw error;
  });
const deliveries = new EventDeliveries(client, DELIVERIES_TABLE);
await deliveries.ensureTable();
const delayMs = Number(process.env.DELAY_MS);
const bus = new LocalEventBus(BUS, { region: 'us-east-1', accountId: '000000000000' }, deliveries, {
  attempts: 3,
  backoffMs: () => 10,
  deadLetter: () => {},
});
bus.addRule('Slow', { source: ['crash.test'] }, async (event) => {
  const n = event.detail.n as number;
  await new Promise((resolve) => setTimeout(resolve, delayMs + 20 * n));
  await documents.send(
    new PutCommand({
      TableName: EFFECTS_TABLE,
      Item: { pk: `invocation#${randomUUID()}`, n, eventId: event.id },
    }),
  );
});
const { url } = await startEventBridgeServer(new Map([[BUS, bus]]));
const resumed = await bus.resume();
process.stdout.write(`${JSON.stringify({ ready: true, resumed, url })}\n`);
