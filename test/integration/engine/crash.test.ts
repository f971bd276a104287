import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, expect, test } from 'vitest';
import { freePort } from '../../support/free-port';
import { EFFECTS_TABLE } from './crash-machine';

const EXECUTIONS = 50;
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

const workers: ChildProcess[] = [];
afterAll(() => {
  for (const worker of workers) worker.kill('SIGKILL');
});

async function startWorker(env: Record<string, string>): Promise<{ worker: ChildProcess; resumed: number }> {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'test/integration/engine/crash-worker.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(worker);
  const lines = createInterface({ input: worker.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const message = JSON.parse(line) as { ready: boolean; resumed: number };
    if (message.ready) return { worker, resumed: message.resumed };
  }
  throw new Error('the engine worker exited before it was ready');
}

async function kill(worker: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGKILL');
  await exited;
}

const isConnectionError = (error: unknown) =>
  ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'TimeoutError'].some((code) =>
    `${(error as Error).name} ${(error as { code?: string }).code} ${(error as Error).message}`.includes(
      code,
    ),
  );

/** Retries a call while the engine process is down or restarting. */
async function whileUp<T>(call: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

test(`${EXECUTIONS} executions parked on tokens and timers survive two SIGKILLs while callbacks arrive`, async () => {
  // Prepare: an engine process over a dynalite directory, and clients that talk to it over loopback.
  const directory = await mkdtemp(join(tmpdir(), 'engine-crash-'));
  const env = {
    DATA_DIR: directory,
    DYNAMO_PORT: String(await freePort()),
    SFN_PORT: String(await freePort()),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  let { worker } = await startWorker(env);
  const sfn = new SFNClient({
    endpoint: `http://127.0.0.1:${env.SFN_PORT}`,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1,
  });
  const documents = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${env.DYNAMO_PORT}`,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    }),
  );
  const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:Crash';

  // Act: start the executions, answer every callback as its token appears, and kill the engine twice.
  for (let id = 0; id < EXECUTIONS; id++) {
    await whileUp(() =>
      sfn.send(
        new StartExecutionCommand({
          stateMachineArn,
          name: `case-${id}`,
          input: JSON.stringify({ id, pauseSeconds: 1 + (id % 3) }),
        }),
      ),
    );
  }
  const started = Date.now();
  const killAt = [started + 800 + Math.random() * 1500, started + 3500 + Math.random() * 2000];
  const answered = new Set<string>();
  const issuedBeforeACrash = new Set<string>();
  const resumedCounts: number[] = [];
  let restarts = 0;
  let succeeded = 0;
  while (succeeded < EXECUTIONS) {
    expect(Date.now() - started, 'all executions finish within 90 s').toBeLessThan(90_000);
    if (restarts < killAt.length && Date.now() >= (killAt[restarts] ?? 0)) {
      await kill(worker);
      const restarted = await startWorker(env);
      worker = restarted.worker;
      resumedCounts.push(restarted.resumed);
      restarts++;
    }
    try {
      const { Items = [] } = await documents.send(new ScanCommand({ TableName: EFFECTS_TABLE }));
      for (const item of Items.filter((entry) => entry.kind === 'effect' && entry.token)) {
        const key = `${item.id}#${item.step}`;
        if (answered.has(key)) continue;
        // Executions 0–9 get no answer until after the first crash: their tokens must outlive it.
        if (restarts === 0 && (item.id as number) < 10) {
          issuedBeforeACrash.add(key);
          continue;
        }
        try {
          await sfn.send(
            new SendTaskSuccessCommand({
              taskToken: item.token as string,
              output: JSON.stringify({ approvedBy: `officer-${item.id}-${item.step}` }),
            }),
          );
          answered.add(key);
        } catch (error) {
          // A callback applied just before a kill is answered TaskTimedOut when repeated: already applied.
          if ((error as Error).name === 'TaskTimedOut') answered.add(key);
          else if (!isConnectionError(error)) throw error;
        }
      }
      const { executions = [] } = await sfn.send(
        new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED', maxResults: 1000 }),
      );
      succeeded = executions.length;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // Assess: every execution completed with every decision, each side effect happened exactly once.
  expect(restarts).toBe(2);
  expect(issuedBeforeACrash.size).toBeGreaterThan(0);
  for (let id = 0; id < EXECUTIONS; id++) {
    const executionArn = `arn:aws:states:us-east-1:000000000000:execution:Crash:case-${id}`;
    const done = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? 'null')).toEqual({
      id,
      pauseSeconds: 1 + (id % 3),
      intake: { step: 'intake' },
      review: { approvedBy: `officer-${id}-review` },
      parallel: [{ approvedBy: `officer-${id}-invoice` }, { step: 'seal' }],
      close: { step: 'close' },
    });
  }
  const items = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: EFFECTS_TABLE, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  const effects = items.filter((item) => item.kind === 'effect');
  const invocations = items.filter((item) => item.kind === 'invocation');
  expect(items.filter((item) => item.kind === 'duplicate')).toEqual([]);
  expect(effects).toHaveLength(EXECUTIONS * 5);
  console.info(
    `crash test: ${EXECUTIONS} executions, SIGKILL ×${restarts}, resumed ${resumedCounts.join(' and ')} ` +
      `executions, ${invocations.length} handler invocations for ${effects.length} side effects ` +
      `(${invocations.length - effects.length} re-invocations of steps in flight at a kill, same request id), ` +
      `${issuedBeforeACrash.size} tokens issued before a crash used after it, ${Date.now() - started} ms`,
  );
  await kill(worker);
  await rm(directory, { recursive: true, force: true });
}, 120_000);
