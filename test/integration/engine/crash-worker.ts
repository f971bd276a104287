import '../../../local/polyfills';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RuntimeClock } from '../../../local/clock';
import { startDynalite } from '../../../local/dynalite';
import { DurableEngine } from '../../../local/engine/engine';
import { startStepFunctionsServer } from '../../../local/engine/http';
import { crashDefinition, crashFunctions, createEffectsTable } from './crash-machine';

/** The engine in a process of its own, so the crash test can kill it with SIGKILL. */
const dynamo = await startDynalite({ path: process.env.DATA_DIR, port: Number(process.env.DYNAMO_PORT) });
const client = new DynamoDBClient({
  endpoint: dynamo.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
await createEffectsTable(client);
const engine = await DurableEngine.create({ dynamodb: client, clock: new RuntimeClock() });
engine.registerStateMachine({
  name: 'Crash',
  definition: crashDefinition,
  functions: crashFunctions(client),
});
await startStepFunctionsServer(engine, Number(process.env.SFN_PORT));
const resumed = await engine.resume();
process.stdout.write(`${JSON.stringify({ ready: true, resumed })}\n`);
