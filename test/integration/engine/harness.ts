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
    finished: async (executionArn, timeoutMs = 10_000) => {
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
