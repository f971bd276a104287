import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MachineDefinition } from '../../../local/engine/asl';
import { type EngineHarness, eventually, startEngineHarness, tokenInbox } from './harness';

/**
 * Each fixture is a small ASL definition run through @aws-sdk/client-sfn against the durable engine;
 * each expectation is Step Functions' documented behaviour for it.
 */
let harness: EngineHarness;
let machineCount = 0;

beforeAll(async () => {
  harness = await startEngineHarness();
});
afterAll(async () => {
  await harness.close();
});

const invoke = (functionName: string, extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: functionName, 'Payload.$': '$' },
  ...extra,
});

const callback = (functionName: string, key: string, extra: Record<string, unknown> = {}) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: functionName, Payload: { key, 'token.$': '$$.Task.Token', 'input.$': '$' } },
  TimeoutSeconds: 3600,
  ...extra,
});

function machine(
  definition: MachineDefinition,
  functions: Record<string, (event: unknown) => Promise<unknown>>,
) {
  return harness.register({ name: `Conformance${++machineCount}`, definition, functions });
}

async function run(stateMachineArn: string, input: unknown = {}, name?: string) {
  const { executionArn } = await harness.sfn.send(
    new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), name }),
  );
  return executionArn as string;
}

async function outputOf(executionArn: string) {
  const done = await harness.finished(executionArn);
  expect(done.status).toBe('SUCCEEDED');
  return JSON.parse(done.output ?? 'null');
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error,
  );
}

class TransientError extends Error {
  override name = 'Lambda.ServiceException';
}

describe('Task', () => {
  test('lambda:invoke returns the Lambda response; ResultSelector, ResultPath and OutputPath shape it', async () => {
    const arn = machine(
      {
        StartAt: 'Add',
        States: {
          Add: invoke('add', {
            ResultSelector: { 'sum.$': '$.Payload.sum', 'status.$': '$.StatusCode' },
            ResultPath: '$.result',
            OutputPath: '$.result',
            End: true,
          }),
        },
      },
      { add: async (event) => ({ sum: (event as { a: number }).a + (event as { b: number }).b }) },
    );
    expect(await outputOf(await run(arn, { a: 2, b: 3 }))).toEqual({ sum: 5, status: 200 });
  });

  test('a function ARN as Resource passes the input and returns the function result as is', async () => {
    const arn = machine(
      {
        StartAt: 'Double',
        States: {
          Double: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:us-east-1:000000000000:function:double',
            End: true,
          },
        },
      },
      { double: async (event) => ({ doubled: (event as { n: number }).n * 2 }) },
    );
    expect(await outputOf(await run(arn, { n: 21 }))).toEqual({ doubled: 42 });
  });

  test('an unknown function fails the task with Lambda.ResourceNotFoundException', async () => {
    const arn = machine({ StartAt: 'Missing', States: { Missing: invoke('nowhere', { End: true }) } }, {});
    const done = await harness.finished(await run(arn));
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('Lambda.ResourceNotFoundException');
  });

  test('a thrown error fails the execution with the error type and a Lambda-style cause', async () => {
    const arn = machine(
      { StartAt: 'Boom', States: { Boom: invoke('boom', { End: true }) } },
      {
        boom: async () => {
          throw new RangeError('out of range');
        },
      },
    );
    const done = await harness.finished(await run(arn));
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('RangeError');
    expect(JSON.parse(done.cause ?? '{}')).toEqual({ errorType: 'RangeError', errorMessage: 'out of range' });
  });
});

describe('Pass, Choice, Fail and the context object', () => {
  test('Parameters read $$.Execution.Name/Id/StartTime and intrinsic functions', async () => {
    const arn = machine(
      {
        StartAt: 'Shape',
        States: {
          Shape: {
            Type: 'Pass',
            Parameters: {
              'name.$': '$$.Execution.Name',
              'id.$': '$$.Execution.Id',
              'started.$': '$$.Execution.StartTime',
              'greeting.$': "States.Format('Hello {}', $.who)",
              'original.$': '$$.Execution.Input.who',
            },
            End: true,
          },
        },
      },
      {},
    );
    const executionArn = await run(arn, { who: 'Baiyun' }, 'context-check');
    const output = await outputOf(executionArn);
    const described = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(output).toEqual({
      name: 'context-check',
      id: executionArn,
      started: described.startDate?.toISOString(),
      greeting: 'Hello Baiyun',
      original: 'Baiyun',
    });
  });

  test('Choice follows the first matching rule, else Default', async () => {
    const arn = machine(
      {
        StartAt: 'Route',
        States: {
          Route: {
            Type: 'Choice',
            Choices: [
              { Variable: '$.capital', NumericGreaterThan: 1000000, Next: 'Large' },
              { Variable: '$.kind', StringEquals: 'llc', Next: 'Llc' },
            ],
            Default: 'Other',
          },
          Large: { Type: 'Pass', Result: 'large', End: true },
          Llc: { Type: 'Pass', Result: 'llc', End: true },
          Other: { Type: 'Pass', Result: 'other', End: true },
        },
      },
      {},
    );
    expect(await outputOf(await run(arn, { capital: 5000000, kind: 'llc' }))).toBe('large');
    expect(await outputOf(await run(arn, { capital: 100, kind: 'llc' }))).toBe('llc');
    expect(await outputOf(await run(arn, { capital: 100, kind: 'jsc' }))).toBe('other');
  });

  test('Choice without a match and without Default fails with States.NoChoiceMatched', async () => {
    const arn = machine(
      {
        StartAt: 'Route',
        States: {
          Route: { Type: 'Choice', Choices: [{ Variable: '$.x', NumericEquals: 1, Next: 'One' }] },
          One: { Type: 'Succeed' },
        },
      },
      {},
    );
    const done = await harness.finished(await run(arn, { x: 2 }));
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('States.NoChoiceMatched');
  });

  test('Fail ends the execution with its Error and Cause', async () => {
    const arn = machine(
      { StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'Company.Rejected', Cause: 'name taken' } } },
      {},
    );
    const done = await harness.finished(await run(arn));
    expect([done.status, done.error, done.cause]).toEqual(['FAILED', 'Company.Rejected', 'name taken']);
  });
});

describe('Parallel', () => {
  test('branches run concurrently and the output is the array of branch outputs, in branch order', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Invoice', States: { Invoice: callback('wait', 'invoice', { End: true }) } },
              { StartAt: 'Seal', States: { Seal: callback('wait', 'seal', { End: true }) } },
            ],
            End: true,
          },
        },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn);
    const [invoiceToken, sealToken] = await Promise.all([inbox.next('invoice'), inbox.next('seal')]);
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: sealToken, output: '"seal done"' }));
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: invoiceToken, output: '"invoice done"' }));
    expect(await outputOf(executionArn)).toEqual(['invoice done', 'seal done']);
  });

  test('a failing branch fails the Parallel, its Catch runs, and the sibling task is closed', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Both',
        States: {
          Both: {
            Type: 'Parallel',
            Branches: [
              {
                StartAt: 'Invoice',
                States: {
                  Invoice: callback('wait', 'invoice', { Next: 'Rejected' }),
                  Rejected: { Type: 'Fail', Error: 'Rejected' },
                },
              },
              { StartAt: 'Seal', States: { Seal: callback('wait', 'seal', { End: true }) } },
            ],
            Catch: [{ ErrorEquals: ['Rejected'], ResultPath: '$.failure', Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Pass', End: true },
        },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn, { case: 1 });
    const [invoiceToken, sealToken] = await Promise.all([inbox.next('invoice'), inbox.next('seal')]);
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: invoiceToken, output: '{}' }));
    expect(await outputOf(executionArn)).toEqual({
      case: 1,
      failure: { Error: 'Rejected', Cause: 'Execution failed because of a Fail state' },
    });
    const late = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: sealToken, output: '{}' })),
    );
    expect(late.name).toBe('TaskTimedOut');
  });
});

describe('Wait', () => {
  test('Seconds waits on the runtime clock: nothing moves until the clock reaches it', async () => {
    const arn = machine(
      {
        StartAt: 'Pause',
        States: {
          Pause: { Type: 'Wait', Seconds: 7200, Next: 'Done' },
          Done: { Type: 'Pass', Result: 'done', End: true },
        },
      },
      {},
    );
    const executionArn = await run(arn);
    await harness.engine.setClock(harness.clock.now() + 7_100_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const early = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(early.status).toBe('RUNNING');
    await harness.engine.setClock(harness.clock.now() + 200_000);
    expect(await outputOf(executionArn)).toBe('done');
  });

  test('TimestampPath waits until the instant the input names', async () => {
    const arn = machine(
      {
        StartAt: 'Until',
        States: { Until: { Type: 'Wait', TimestampPath: '$.at', End: true } },
      },
      {},
    );
    const at = new Date(harness.clock.now() + 86_400_000).toISOString();
    const executionArn = await run(arn, { at });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await harness.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await harness.engine.setClock(Date.parse(at));
    expect(await outputOf(executionArn)).toEqual({ at });
  });
});

describe('Retry and Catch', () => {
  test('Retry re-runs a failing task after IntervalSeconds × BackoffRate^n on the runtime clock', async () => {
    let calls = 0;
    const arn = machine(
      {
        StartAt: 'Flaky',
        States: {
          Flaky: invoke('flaky', {
            Retry: [
              {
                ErrorEquals: ['Lambda.ServiceException'],
                IntervalSeconds: 60,
                BackoffRate: 2,
                MaxAttempts: 3,
              },
            ],
            OutputPath: '$.Payload',
            End: true,
          }),
        },
      },
      {
        flaky: async () => {
          calls++;
          if (calls < 3) throw new TransientError('try again');
          return { calls };
        },
      },
    );
    const executionArn = await run(arn);
    await eventually(() => (calls === 1 ? true : undefined));
    await harness.engine.setClock(harness.clock.now() + 59_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(1);
    await harness.engine.setClock(harness.clock.now() + 1_000);
    await eventually(() => (calls === 2 ? true : undefined));
    await harness.engine.setClock(harness.clock.now() + 119_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(2);
    await harness.engine.setClock(harness.clock.now() + 1_000);
    expect(await outputOf(executionArn)).toEqual({ calls: 3 });
  });

  test('after MaxAttempts the error goes to the first matching Catch, with Error and Cause at ResultPath', async () => {
    let calls = 0;
    const arn = machine(
      {
        StartAt: 'Flaky',
        States: {
          Flaky: invoke('flaky', {
            Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 1 }],
            Catch: [
              { ErrorEquals: ['Other.Error'], Next: 'Wrong' },
              { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Recover' },
            ],
            End: true,
          }),
          Wrong: { Type: 'Fail', Error: 'WrongCatcher' },
          Recover: { Type: 'Pass', End: true },
        },
      },
      {
        flaky: async () => {
          calls++;
          throw new TransientError('still down');
        },
      },
    );
    const executionArn = await run(arn, { id: 7 });
    for (const attempt of [1, 2]) {
      await eventually(() => (calls === attempt ? true : undefined));
      await harness.engine.setClock(harness.clock.now() + 1_000);
    }
    const output = await outputOf(executionArn);
    expect(calls).toBe(3);
    expect(output.id).toBe(7);
    expect(output.error.Error).toBe('Lambda.ServiceException');
    expect(JSON.parse(output.error.Cause).errorMessage).toBe('still down');
  });

  test('MaxAttempts 0 never retries', async () => {
    let calls = 0;
    const arn = machine(
      {
        StartAt: 'Once',
        States: {
          Once: invoke('once', { Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }], End: true }),
        },
      },
      {
        once: async () => {
          calls++;
          throw new TransientError('no');
        },
      },
    );
    expect((await harness.finished(await run(arn))).status).toBe('FAILED');
    expect(calls).toBe(1);
  });
});

describe('Timeouts and heartbeats', () => {
  test('TimeoutSeconds fails the task with States.Timeout, which States.TaskFailed does not catch', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Slow',
        States: {
          Slow: callback('wait', 'slow', {
            TimeoutSeconds: 300,
            Catch: [
              { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' },
              { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' },
            ],
            End: true,
          }),
          Wrong: { Type: 'Fail', Error: 'TaskFailedCaughtATimeout' },
          TimedOut: { Type: 'Pass', End: true },
        },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn);
    const token = await inbox.next('slow');
    await harness.engine.setClock(harness.clock.now() + 300_000);
    const output = await outputOf(executionArn);
    expect(output.error.Error).toBe('States.Timeout');
    const late = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    );
    expect(late.name).toBe('TaskTimedOut');
  });

  test('TimeoutSecondsPath is read from the state input, not from Parameters', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Slow',
        States: {
          Slow: (({ TimeoutSeconds: _fixed, ...state }) => state)(
            callback('wait', 'path', { TimeoutSecondsPath: '$.limits.seconds', End: true }),
          ),
        },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn, { limits: { seconds: 120 } });
    await inbox.next('path');
    await harness.engine.setClock(harness.clock.now() + 119_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await harness.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await harness.engine.setClock(harness.clock.now() + 1_000);
    const done = await harness.finished(executionArn);
    expect([done.status, done.error]).toEqual(['FAILED', 'States.Timeout']);
  });

  test('HeartbeatSeconds: heartbeats keep a task alive; silence fails it with States.HeartbeatTimeout', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      { StartAt: 'Long', States: { Long: callback('wait', 'beat', { HeartbeatSeconds: 60, End: true }) } },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn);
    const token = await inbox.next('beat');
    for (let i = 0; i < 3; i++) {
      await harness.engine.setClock(harness.clock.now() + 50_000);
      await harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    }
    expect((await harness.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await harness.engine.setClock(harness.clock.now() + 60_000);
    const done = await harness.finished(executionArn);
    expect([done.status, done.error]).toEqual(['FAILED', 'States.HeartbeatTimeout']);
    const late = await rejection(harness.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token })));
    expect(late.name).toBe('TaskTimedOut');
  });

  test('the execution-level TimeoutSeconds ends the execution as TIMED_OUT', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Long',
        TimeoutSeconds: 600,
        States: { Long: callback('wait', 'exec-timeout', { End: true }) },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn);
    const token = await inbox.next('exec-timeout');
    await harness.engine.setClock(harness.clock.now() + 600_000);
    expect((await harness.finished(executionArn)).status).toBe('TIMED_OUT');
    const late = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    );
    expect(late.name).toBe('TaskTimedOut');
  });
});

describe('Task tokens', () => {
  const approval = () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Review',
        States: {
          Review: callback('wait', 'review', {
            ResultPath: '$.decision',
            Catch: [{ ErrorEquals: ['Department.Rejected'], ResultPath: '$.rejection', Next: 'Rejected' }],
            End: true,
          }),
          Rejected: { Type: 'Pass', End: true },
        },
      },
      { wait: inbox.handler },
    );
    return { inbox, arn };
  };

  test('SendTaskSuccess resumes the task with its output; the same token again is TaskTimedOut', async () => {
    const { inbox, arn } = approval();
    const executionArn = await run(arn, { case: 'A' });
    const token = await inbox.next('review');
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    expect(await outputOf(executionArn)).toEqual({ case: 'A', decision: { approved: true } });
    const again = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    );
    expect(again.name).toBe('TaskTimedOut');
  });

  test('SendTaskFailure fails the task with the given error and cause, which Catch can route', async () => {
    const { inbox, arn } = approval();
    const executionArn = await run(arn, { case: 'B' });
    const token = await inbox.next('review');
    await harness.sfn.send(
      new SendTaskFailureCommand({
        taskToken: token,
        error: 'Department.Rejected',
        cause: 'restricted scope',
      }),
    );
    expect(await outputOf(executionArn)).toEqual({
      case: 'B',
      rejection: { Error: 'Department.Rejected', Cause: 'restricted scope' },
    });
  });

  test('two concurrent callbacks on one token: exactly one wins, the other is TaskTimedOut', async () => {
    const { inbox, arn } = approval();
    const executionArn = await run(arn, { case: 'C' });
    const token = await inbox.next('review');
    const results = await Promise.allSettled([
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"by":1}' })),
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"by":2}' })),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.name).toBe('TaskTimedOut');
    const output = await outputOf(executionArn);
    expect([1, 2]).toContain(output.decision.by);
  });

  test('an unknown or forged token is InvalidToken; invalid JSON output is InvalidOutput', async () => {
    const { inbox, arn } = approval();
    await run(arn, { case: 'D' });
    const token = await inbox.next('review');
    const [payload] = token.split('.');
    for (const forged of ['not-a-token', `${payload}.forgedsignature`, `${token}x`]) {
      const error = await rejection(
        harness.sfn.send(new SendTaskSuccessCommand({ taskToken: forged, output: '{}' })),
      );
      expect(error.name).toBe('InvalidToken');
    }
    const badOutput = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{oops' })),
    );
    expect(badOutput.name).toBe('InvalidOutput');
  });

  test('StopExecution aborts the execution and closes its open task', async () => {
    const { inbox, arn } = approval();
    const executionArn = await run(arn, { case: 'E' });
    const token = await inbox.next('review');
    await harness.sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Ops.Cancelled', cause: 'withdrawn' }),
    );
    const done = await harness.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect([done.status, done.error, done.cause]).toEqual(['ABORTED', 'Ops.Cancelled', 'withdrawn']);
    const late = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    );
    expect(late.name).toBe('TaskTimedOut');
  });

  test('every attempt of a retried callback task gets its own token; the failed attempt’s token is closed', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Review',
        States: {
          Review: callback('wait', 'retried', {
            Retry: [{ ErrorEquals: ['Retry.Me'], IntervalSeconds: 1, MaxAttempts: 1 }],
            End: true,
          }),
        },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn);
    const first = await inbox.next('retried', 0);
    await harness.sfn.send(new SendTaskFailureCommand({ taskToken: first, error: 'Retry.Me' }));
    await harness.engine.setClock(harness.clock.now() + 1_000);
    const second = await inbox.next('retried', 1);
    expect(second).not.toBe(first);
    const stale = await rejection(
      harness.sfn.send(new SendTaskSuccessCommand({ taskToken: first, output: '1' })),
    );
    expect(stale.name).toBe('TaskTimedOut');
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: second, output: '2' }));
    expect(await outputOf(executionArn)).toBe(2);
  });
});

describe('Executions', () => {
  const parked = () => {
    const inbox = tokenInbox();
    const arn = machine(
      { StartAt: 'Park', States: { Park: callback('wait', 'park', { End: true }) } },
      { wait: inbox.handler },
    );
    return { inbox, arn };
  };

  test('StartExecution is idempotent for a running execution with the same name and input', async () => {
    const { arn } = parked();
    const first = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'same', input: '{"a":1}' }),
    );
    const again = await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'same', input: '{ "a": 1 }' }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());
  });

  test('the same name with another input, or after the execution closed, is ExecutionAlreadyExists', async () => {
    const { inbox, arn } = parked();
    await harness.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'taken', input: '{"a":1}' }),
    );
    const otherInput = await rejection(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'taken', input: '{"a":2}' })),
    );
    expect(otherInput.name).toBe('ExecutionAlreadyExists');
    const token = await inbox.next('park');
    await harness.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    const closed = await eventually(async () => {
      const error = await rejection(
        harness.sfn.send(
          new StartExecutionCommand({ stateMachineArn: arn, name: 'taken', input: '{"a":1}' }),
        ),
      );
      return error.name === 'ExecutionAlreadyExists' ? error : undefined;
    });
    expect(closed.name).toBe('ExecutionAlreadyExists');
  });

  test('bad names, bad input and unknown ARNs are refused with the documented errors', async () => {
    const { arn } = parked();
    const badName = await rejection(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'a b' })),
    );
    expect(badName.name).toBe('InvalidName');
    const longName = await rejection(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'x'.repeat(81) })),
    );
    expect(longName.name).toBe('InvalidName');
    const badInput = await rejection(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{' })),
    );
    expect(badInput.name).toBe('InvalidExecutionInput');
    const unknownMachine = await rejection(
      harness.sfn.send(new StartExecutionCommand({ stateMachineArn: `${arn}Nope` })),
    );
    expect(unknownMachine.name).toBe('StateMachineDoesNotExist');
    const unknownExecution = await rejection(
      harness.sfn.send(
        new DescribeExecutionCommand({ executionArn: `${arn.replace('stateMachine', 'execution')}:none` }),
      ),
    );
    expect(unknownExecution.name).toBe('ExecutionDoesNotExist');
  });

  test('ListExecutions filters by status, newest first, and pages with nextToken', async () => {
    const { inbox, arn } = parked();
    for (const name of ['first', 'second', 'third']) {
      await harness.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name }));
      await harness.engine.setClock(harness.clock.now() + 1_000);
    }
    await harness.sfn.send(
      new SendTaskSuccessCommand({ taskToken: await inbox.next('park', 0), output: '{}' }),
    );
    await eventually(async () => {
      const { executions } = await harness.sfn.send(
        new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' }),
      );
      return executions?.length === 1 ? true : undefined;
    });
    const running = await harness.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING' }),
    );
    expect(running.executions?.map((execution) => execution.name)).toEqual(['third', 'second']);
    const page1 = await harness.sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2 }));
    expect(page1.executions?.map((execution) => execution.name)).toEqual(['third', 'second']);
    const page2 = await harness.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken: page1.nextToken }),
    );
    expect(page2.executions?.map((execution) => execution.name)).toEqual(['first']);
    expect(page2.nextToken).toBeUndefined();
  });

  test('GetExecutionHistory lists the events Step Functions would, in order', async () => {
    const inbox = tokenInbox();
    const arn = machine(
      {
        StartAt: 'Prepare',
        States: {
          Prepare: { Type: 'Pass', Next: 'Review' },
          Review: callback('wait', 'history', { Next: 'Route' }),
          Route: {
            Type: 'Choice',
            Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }],
            Default: 'Done',
          },
          Done: { Type: 'Succeed' },
        },
      },
      { wait: inbox.handler },
    );
    const executionArn = await run(arn);
    await harness.sfn.send(
      new SendTaskSuccessCommand({ taskToken: await inbox.next('history'), output: '{"ok":true}' }),
    );
    await outputOf(executionArn);
    const { events } = await harness.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events?.map((event) => event.id)).toEqual(events?.map((_, index) => index + 1));
    const reversed = await harness.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }),
    );
    expect(reversed.events?.[0]?.type).toBe('ExecutionSucceeded');
    expect(reversed.nextToken).toBeDefined();
  });
});

describe('Definitions the engine refuses', () => {
  test('JSONata and Map are refused at registration with a clear reason', () => {
    expect(() =>
      harness.register({
        name: 'Jsonata',
        definition: { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
        functions: {},
      }),
    ).toThrow(/JSONata/);
    expect(() =>
      harness.register({
        name: 'Mapped',
        definition: {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              ItemProcessor: { StartAt: 'One', States: { One: { Type: 'Pass', End: true } } },
              End: true,
            },
          },
        },
        functions: {},
      }),
    ).toThrow(/Map/);
  });
});
