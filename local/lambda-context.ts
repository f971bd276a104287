import { createHash, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface InvocationOptions {
  functionName: string;
  /** Reused when the same invocation is retried after a crash, as Lambda reuses it on retries. */
  requestId?: string;
  timeoutMs?: number;
  region?: string;
  accountId?: string;
}

/** A request id derived from stable parts, formatted as a UUID. */
export function stableRequestId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The context object Lambda passes to a handler, as far as handlers and middy read it. */
export function lambdaContext(options: InvocationOptions): Context {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const unsupported = () => {
    throw new Error('Callback-style Lambda completion is not supported: return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${options.functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: options.requestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
