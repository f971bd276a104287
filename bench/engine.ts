import '../local/polyfills';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StateMachine } from 'aws-local-stepfunctions';
import { RuntimeClock } from '../local/clock';
import { startDynalite } from '../local/dynalite';
import type { MachineDefinition } from '../local/engine/asl';
import { DurableEngine } from '../local/engine/engine';

/**
 * The durable engine against its floor, bare aws-local-stepfunctions, on the same definition, in one
 * run: transitions per second, memory per parked execution, and time to resume parked executions.
 */

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Twelve states: the shape of a case (tasks, choices, passes) without waiting on anyone. */
export const throughputDefinition: MachineDefinition = {
  StartAt: 'Intake',
  States: {
    Intake: task('Check', 'Route'),
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 0, Next: 'Prepare' }],
      Default: 'Reject',
    },
    Prepare: { Type: 'Pass', Result: { ready: true }, ResultPath: '$.prepared', Next: 'Register' },
    Register: task('Check', 'Both'),
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Invoice', States: { Invoice: task('Check', undefined) } },
        { StartAt: 'Seal', States: { Seal: task('Check', undefined) } },
      ],
      ResultPath: '$.parallel',
      Next: 'Deliver',
    },
    Deliver: task('Check', 'Close'),
    Close: { Type: 'Pass', Next: 'Done' },
    Done: { Type: 'Succeed' },
    Reject: { Type: 'Fail', Error: 'Rejected' },
  },
};

function task(functionName: string, next: string | undefined) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: functionName, 'Payload.$': '$' },
    ResultSelector: { 'ok.$': '$.Payload.ok' },
    ResultPath: '$.last',
    TimeoutSeconds: 30,
    ...(next ? { Next: next } : { End: true }),
  };
}

const parkDefinition: MachineDefinition = {
  StartAt: 'Review',
  States: {
    Review: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'Park', Payload: { 'token.$': '$$.Task.Token', 'form.$': '$' } },
      TimeoutSeconds: 259200,
      End: true,
    },
  },
};

const handlers = { Check: async () => ({ ok: true }), Park: async () => undefined };

async function bareTransitionsPerSecond(
  executions: number,
  transitionsPerExecution: number,
): Promise<number> {
  const machine = new StateMachine(throughputDefinition as never);
  const localHandlers = Object.fromEntries(
    ['Intake', 'Register', 'Invoice', 'Seal', 'Deliver'].map((name) => [
      name,
      async () => ({ Payload: await handlers.Check(), StatusCode: 200 }),
    ]),
  );
  const started = performance.now();
  for (let i = 0; i < executions; i++) {
    await machine.run({ n: i }, { overrides: { taskResourceLocalHandlers: localHandlers as never } }).result;
  }
  return (executions * transitionsPerExecution) / ((performance.now() - started) / 1000);
}

async function durableTransitionsPerSecond(
  engine: DurableEngine,
  runName: string,
  executions: number,
  concurrency: number,
) {
  const arn = engine.registerStateMachine({
    name: 'Throughput',
    definition: throughputDefinition,
    functions: handlers,
  });
  const before = engine.stats().transitions;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < executions) {
        const i = next++;
        await engine.startExecution({
          stateMachineArn: arn,
          name: `${runName}-${i}`,
          input: JSON.stringify({ n: i }),
        });
      }
    }),
  );
  await engine.drain();
  const transitions = engine.stats().transitions - before;
  return { transitions, perSecond: transitions / ((performance.now() - started) / 1000) };
}

function heapUsed(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

export interface EngineBenchResult {
  transitionsPerExecution: number;
  bareTransitionsPerSecond: number;
  durableTransitionsPerSecond: number;
  durableConcurrentTransitionsPerSecond: number;
  parkedExecutions: number;
  parkSeconds: number;
  heapBytesPerParkedExecution: number;
  resumeSeconds: number;
  resumedExecutions: number;
}

export async function benchEngine(options: {
  throughputExecutions: number;
  parked: number;
}): Promise<EngineBenchResult> {
  const dynamo = await startDynalite();
  const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
  const engine = await DurableEngine.create({ dynamodb, clock: new RuntimeClock() });

  const probe = await durableTransitionsPerSecond(engine, 'probe', 1, 1);
  const transitionsPerExecution = probe.transitions;
  const bare = await bareTransitionsPerSecond(options.throughputExecutions, transitionsPerExecution);
  const durableSequential = await durableTransitionsPerSecond(
    engine,
    'sequential',
    options.throughputExecutions,
    1,
  );
  const durableConcurrent = await durableTransitionsPerSecond(
    engine,
    'concurrent',
    options.throughputExecutions,
    16,
  );

  const parkArn = engine.registerStateMachine({
    name: 'Park',
    definition: parkDefinition,
    functions: handlers,
  });
  const heapBefore = heapUsed();
  const parkStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < options.parked) {
        const i = next++;
        await engine.startExecution({
          stateMachineArn: parkArn,
          name: `p-${i}`,
          input: JSON.stringify({ company: `C${i}` }),
        });
      }
    }),
  );
  while (engine.stats().activeExecutions < options.parked)
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const parkSeconds = (performance.now() - parkStarted) / 1000;
  const heapPerParked = (heapUsed() - heapBefore) / options.parked;
  engine.close();

  const restarted = await DurableEngine.create({ dynamodb, clock: new RuntimeClock() });
  restarted.registerStateMachine({
    name: 'Throughput',
    definition: throughputDefinition,
    functions: handlers,
  });
  restarted.registerStateMachine({ name: 'Park', definition: parkDefinition, functions: handlers });
  const resumeStarted = performance.now();
  const resumed = await restarted.resume();
  const resumeSeconds = (performance.now() - resumeStarted) / 1000;
  restarted.close();
  await dynamo.close();

  return {
    transitionsPerExecution,
    bareTransitionsPerSecond: bare,
    durableTransitionsPerSecond: durableSequential.perSecond,
    durableConcurrentTransitionsPerSecond: durableConcurrent.perSecond,
    parkedExecutions: options.parked,
    parkSeconds,
    heapBytesPerParkedExecution: heapPerParked,
    resumeSeconds,
    resumedExecutions: resumed,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const parked = Number(process.env.PARKED ?? 10_000);
  const result = await benchEngine({ throughputExecutions: Number(process.env.EXECUTIONS ?? 300), parked });
  console.log(JSON.stringify(result, null, 2));
}
