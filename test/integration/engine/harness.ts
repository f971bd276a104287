import '../../../local/polyfills';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { RuntimeClock } from '../../../local/clock';
import { startDynalite } from '../../../local/dynalite';
import { DurableEngine, type StateMachineRegistration } from '../../../local/engine/engine';
import { startStepFunctionsServer } from '../../../local/engine/http';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface EngineHarness {
  engine: DurableEngine;
  clock: RuntimeClock;
  sfn: SFNClient;
  register: (registration: StateMachineRegistration) => string;
  /** Polls DescribeExecution until the execution leaves RUNNING. */
  finished: (executionArn: string, timeoutMs?: number) => Promise<DescribeExecutionCommandOutput>;
  close: () => Promise<void>;
}

/** A real engine over real dynalite, reached through the real Step Functions SDK over HTTP. */
export async function startEngineHarness(): Promise<EngineHarness> {
  const dynamo = await startDynalite();
  const clock = new RuntimeClock();
  const engine = await DurableEngine.create({
    dynamodb: new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials }),
    clock,
  });
  const { server, url } = await startStepFunctionsServer(engine);
  const sfn = new SFNClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
  return {
    engine,
    clock,
    sfn,
    register: (registration) => engine.registerStateMachine(registration),
    finished: async (executionArn, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (described.status !== 'RUNNING') return described;
        if (Date.now() > deadline) throw new Error(`${executionArn} still RUNNING after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      engine.close();
      sfn.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await dynamo.close();
    },
  };
}

/** Polls until `probe` returns a value other than undefined. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Collects the task tokens handed to a callback function, by the payload's `key`. */
export function tokenInbox() {
  const tokens = new Map<string, string[]>();
  return {
    handler: async (event: unknown) => {
      const { key, token } = event as { key: string; token: string };
      tokens.set(key, [...(tokens.get(key) ?? []), token]);
    },
    next: (key: string, index = 0) => eventually(() => tokens.get(key)?.[index]),
    count: (key: string) => tokens.get(key)?.length ?? 0,
  };
}
