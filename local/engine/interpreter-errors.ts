import { StateMachine } from 'aws-local-stepfunctions';

/**
 * The interpreter treats `States.Timeout` specially (`States.TaskFailed` must not match it) by
 * checking `instanceof` against a class it does not export. The engine enforces timeouts itself,
 * so it obtains that class once, from a one-state machine that times out after a millisecond.
 */
export async function interpreterTimeoutError(): Promise<() => Error> {
  const probe = new StateMachine(
    {
      StartAt: 'Probe',
      States: {
        Probe: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:local:0:function:probe',
          TimeoutSeconds: 0.001,
          End: true,
        },
      },
    } as never,
    { validationOptions: { noValidate: true } },
  );
  const run = probe.run(
    {},
    { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } } },
  );
  const failure = await run.result.then(
    () => undefined,
    (error: Error) => error.cause,
  );
  const TimeoutError = (failure as Error | undefined)?.constructor as (new () => Error) | undefined;
  if (!TimeoutError || (failure as Error).name !== 'States.Timeout') {
    throw new Error('aws-local-stepfunctions no longer reports task timeouts as States.Timeout');
  }
  return () => new TimeoutError();
}

/** An error the interpreter neither retries nor catches, as Step Functions treats States.Runtime. */
export function runtimeError(message: string): Error {
  return Object.assign(new Error(message), {
    name: 'States.Runtime',
    isRetryable: false,
    isCatchable: false,
  });
}

/** A task failure with the error name and cause Step Functions would report. */
export function taskError(error: string, cause: string): Error {
  const failure = new Error(cause);
  failure.name = error;
  return failure;
}
