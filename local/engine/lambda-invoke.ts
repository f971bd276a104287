import type { RuntimeClock } from '../clock';
import { type LambdaHandler, lambdaContext } from '../lambda-context';
import { type Json, TASK_TOKEN_PLACEHOLDER } from './asl';
import { runtimeError } from './interpreter-errors';
import type { TaskOutcome } from './task-outcome';

export interface Invocation {
  kind: 'request-response' | 'callback';
  functionName: string;
  payload: Json;
  wrapAsLambdaInvokeResult: boolean;
}

/** What a local function runs in: the account it reports, the runtime clock, and who hears of its errors. */
export interface FunctionHost {
  region: string;
  accountId: string;
  clock: RuntimeClock;
  onFunctionError: (functionName: string, errorType: string) => void;
}

/** What a handler sees as its remaining time: a Lambda function's own timeout, not the task's. */
const FUNCTION_TIMEOUT_MS = 30_000;
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
export const LAMBDA_INVOKE_CALLBACK = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_FUNCTION_ARN = /^arn:aws[\w-]*:lambda:[^:]+:\d+:function:[^:]+/;

export function functionNameOf(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? (nameOrArn.split(':')[6] ?? '') : (nameOrArn.split(':')[0] ?? '');
}

export function invocationOf(resource: string, parameters: Json): Invocation {
  const fields = (parameters ?? {}) as { FunctionName?: string; Payload?: Json };
  if (resource === LAMBDA_INVOKE || resource === LAMBDA_INVOKE_CALLBACK) {
    if (typeof fields.FunctionName !== 'string')
      throw runtimeError(`${resource} needs Parameters.FunctionName`);
    return {
      kind: resource === LAMBDA_INVOKE ? 'request-response' : 'callback',
      functionName: fields.FunctionName,
      payload: fields.Payload ?? {},
      wrapAsLambdaInvokeResult: resource === LAMBDA_INVOKE,
    };
  }
  if (LAMBDA_FUNCTION_ARN.test(resource)) {
    return {
      kind: 'request-response',
      functionName: resource,
      payload: parameters,
      wrapAsLambdaInvokeResult: false,
    };
  }
  throw runtimeError(`Resource ${resource} is not supported by the local engine`);
}

export async function invokeFunction(
  host: FunctionHost,
  functions: Record<string, LambdaHandler>,
  invocation: Invocation,
  requestId: string,
  timeoutAt: number | undefined,
): Promise<TaskOutcome> {
  const name = functionNameOf(invocation.functionName);
  const handler = functions[name];
  if (!handler) {
    return {
      ok: false,
      error: 'Lambda.ResourceNotFoundException',
      cause: `Function not found: ${invocation.functionName}`,
    };
  }
  const context = lambdaContext({
    functionName: name,
    requestId,
    region: host.region,
    accountId: host.accountId,
    timeoutMs: Math.min(
      FUNCTION_TIMEOUT_MS,
      timeoutAt === undefined ? FUNCTION_TIMEOUT_MS : timeoutAt - host.clock.now(),
    ),
  });
  const call = (async (): Promise<TaskOutcome> => {
    try {
      const result = JSON.parse(JSON.stringify((await handler(invocation.payload, context)) ?? null)) as Json;
      const output: Json = invocation.wrapAsLambdaInvokeResult
        ? {
            ExecutedVersion: '$LATEST',
            Payload: result,
            SdkHttpMetadata: { HttpStatusCode: 200 },
            SdkResponseMetadata: { RequestId: requestId },
            StatusCode: 200,
          }
        : result;
      return { ok: true, output };
    } catch (error) {
      const failure = error as Error;
      const errorType = failure?.name ?? 'Error';
      host.onFunctionError(name, errorType);
      return {
        ok: false,
        error: errorType,
        cause: JSON.stringify({ errorType, errorMessage: failure?.message ?? String(error) }),
      };
    }
  })();
  if (timeoutAt === undefined) return call;
  let cancelTimer = () => {};
  const timedOut = new Promise<TaskOutcome>((resolve) => {
    cancelTimer = host.clock.at(timeoutAt, () =>
      resolve({
        ok: false,
        error: 'States.Timeout',
        cause: 'The task did not complete within its timeout',
      }),
    );
  });
  try {
    return await Promise.race([call, timedOut]);
  } finally {
    cancelTimer();
  }
}

export function withToken(payload: Json, token: string): Json {
  if (typeof payload === 'string') return payload.split(TASK_TOKEN_PLACEHOLDER).join(token);
  if (Array.isArray(payload)) return payload.map((item) => withToken(item, token));
  if (payload && typeof payload === 'object') {
    return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, withToken(value, token)]));
  }
  return payload;
}
